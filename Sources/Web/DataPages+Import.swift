import Foundation
import MarketData
import Storage

/// `/data/import`: one uploaded file imported by the importer `huice import` uses
/// (`MarketDataImporter.importFile`, which detects the format from the file name and header)
/// and saved to the store in one transaction.
extension DataPages {
    static let importPath = "/data/import"

    /// The file name extensions the importer reads (`DataFileDetector`): CSV and text tables, 通达信 `.day`.
    static let importExtensions = ["csv", "txt", "tsv", "day"]

    static func importForm(_ request: WebRequest) -> PageResult {
        .page(DataImportPage(outcome: .form, options: .init()).page(for: request))
    }

    /// Parses the upload, writes the file under its own (sanitised) name into a fresh temporary
    /// directory (the name carries the stock code for formats whose rows do not), imports it and
    /// saves the result. Every refusal is a 422 page that says nothing was saved.
    static func upload(_ request: WebRequest, store: MarketDataStore) async throws -> PageResult {
        let t = request.i18n
        let form: MultipartForm
        do {
            form = try MultipartForm(body: request.body, contentType: request.contentType)
        } catch {
            return refused(request, .init(), problem: describe(error, t))
        }
        let options = DataImportPage.Options(fields: form.fields)
        guard let file = form.part(named: "file"), let sent = file.filename, !sent.isEmpty else {
            return refused(request, options, problem: t[.importNoFile])
        }
        let name = UploadFileName.sanitised(sent)
        guard !file.body.isEmpty else { return refused(request, options, problem: t[.importEmptyFile, name]) }
        guard importExtensions.contains(UploadFileName.pathExtension(of: name)) else {
            return refused(request, options, problem: t[.importBadExtension, name])
        }

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("huice-import-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name, isDirectory: false)
        try Data(file.body).write(to: path)

        let result: ImportResult
        do {
            result = try MarketDataImporter(options: ImportOptions(skipInvalidRows: options.skipInvalidRows))
                .importFile(at: path.path)
        } catch {
            return .page(DataImportPage(outcome: .failed(file: name, errors: [error]), options: options).page(for: request),
                         status: .unprocessableContent)
        }
        // An empty set saved with "replace" would empty the store: refuse it rather than save nothing.
        guard holdsData(result.data) else { return refused(request, options, problem: t[.importNoData, name]) }
        try await store.save(result.data, mode: options.replace ? .replace : .merge)
        let imported = DataImportPage.Imported(file: name, result: result, store: try await store.summary())
        return .page(DataImportPage(outcome: .imported(imported), options: options).page(for: request))
    }

    static func holdsData(_ data: MarketDataSet) -> Bool {
        data.barCount > 0 || data.calendar != nil || !data.instruments.isEmpty || !data.adjustments.isEmpty
            || !data.limits.isEmpty || !data.suspensions.isEmpty
    }

    private static func refused(_ request: WebRequest, _ options: DataImportPage.Options, problem: String) -> PageResult {
        .page(DataImportPage(outcome: .refused(problem), options: options).page(for: request), status: .unprocessableContent)
    }

    private static func describe(_ error: MultipartError, _ t: I18n) -> String {
        switch error {
        case .notMultipart(let type): t[.uploadNotMultipart, type ?? "—"]
        case .missingBoundary: t[.uploadNoBoundary]
        default: t[.uploadMalformed, error.description]
        }
    }
}

/// The name an uploaded file is written under: the last component of what the browser sent
/// (some send a whole Windows path), without control characters or leading dots, at most 200
/// UTF-8 bytes with its extension kept. It stays recognisable because the importer reads the stock
/// code (`sh600000.day`) and the format (`.csv`, `.day`) from it.
enum UploadFileName {
    static let maxBytes = 200

    static func sanitised(_ sent: String) -> String {
        var name = sent.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        name = String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "_" : $0 }))
        while name.hasPrefix(".") || name.hasPrefix(" ") { name.removeFirst() }
        if name.utf8.count > maxBytes {
            let dot = name.lastIndex(of: ".")
            let ext = dot.map { String(name[$0...]) } ?? ""
            var stem = dot.map { String(name[..<$0]) } ?? name
            while !stem.isEmpty, stem.utf8.count + ext.utf8.count > maxBytes { stem.removeLast() }
            name = stem + (ext.utf8.count < maxBytes ? ext : "")
        }
        return name.isEmpty ? "upload" : name
    }

    /// The lower-cased extension without the dot (`csv`), empty when there is none; as the
    /// importer's detector reads it.
    static func pathExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
