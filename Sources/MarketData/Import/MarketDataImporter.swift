import Foundation
import HuiceCore

/// Imports market data files into one `MarketDataSet`: the entry point for the CLI and runtime.
///
/// Every import is atomic: it either returns the whole data set with its `ImportReport`, or
/// throws the first `DataImportError` (in file-path order) and returns nothing. Files are parsed
/// in parallel on all cores; the result does not depend on the order they finish in.
///
/// After all files are read, bars are checked against the trading calendar (a calendar file in
/// the import, else `ImportOptions.calendar`): a bar on a day the market was closed is an error
/// (or, with `skipInvalidRows`, a skipped row in the report). Days outside the calendar's range
/// are not judged. Suspensions are simply missing rows and need no check.
public struct MarketDataImporter: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// Imports one file; its kind is detected (`DataFileDetector`). Messages name the file by
    /// its last path component.
    public func importFile(at path: String) throws(DataImportError) -> ImportResult {
        try importFiles(at: [path])
    }

    /// Imports the given files as one data set. Messages name each file by its last path
    /// component (by the path as given when two files share a name). An unrecognised file is an error.
    public func importFiles(at paths: [String]) throws(DataImportError) -> ImportResult {
        let names = paths.map { FileNameCode.lastComponent(of: $0) }
        let displayNames = Set(names).count == names.count ? names : paths
        let sources = zip(paths, displayNames).map { SourceFile(path: $0, name: $1) }
        return try run(sources, skipsUnrecognised: false)
    }

    /// Imports every data file under `path`, recursively, into one data set. Messages name files
    /// by their path relative to `path`. Hidden files, `*.md` and README files are ignored;
    /// files of no known kind are listed in `ImportReport.skippedFiles` with the reason.
    public func importDirectory(at path: String) throws(DataImportError) -> ImportResult {
        try run(directorySources(path, namePrefix: ""), skipsUnrecognised: true)
    }

    /// Imports files and directories together into one data set, as one atomic import: files are
    /// named as given, files under a directory by `directory-name/relative-path`. Files of no known
    /// kind inside a directory are skipped (and reported); a file given by name must be readable.
    public func importPaths(_ paths: [String]) throws(DataImportError) -> ImportResult {
        var sources: [SourceFile] = []
        var hasDirectory = false
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DataImportError(file: path, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                hasDirectory = true
                let name = FileNameCode.lastComponent(of: path.hasSuffix("/") ? String(path.dropLast()) : path)
                sources += try directorySources(path, namePrefix: name + "/")
            } else {
                sources.append(SourceFile(path: path, name: path))
            }
        }
        if !hasDirectory { return try importFiles(at: paths) }
        return try run(sources, skipsUnrecognised: true)
    }

    /// The data files under `path`, recursively, sorted by name, named `namePrefix + relative path`.
    private func directorySources(_ path: String, namePrefix: String) throws(DataImportError) -> [SourceFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DataImportError(file: path, reason: "not a directory")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw DataImportError(file: path, reason: "cannot list the directory")
        }
        let base = path.hasSuffix("/") ? path : path + "/"
        var sources: [SourceFile] = []
        while let relative = enumerator.nextObject() as? String {
            guard !Self.isIgnored(relative) else { continue }
            var isSubdirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + relative, isDirectory: &isSubdirectory),
                  !isSubdirectory.boolValue else { continue }
            sources.append(SourceFile(path: base + relative, name: namePrefix + relative))
        }
        sources.sort { $0.name < $1.name }
        return sources
    }

    /// Hidden files and folders, Markdown notes and README files carry no data.
    static func isIgnored(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        if components.contains(where: { $0.hasPrefix(".") }) { return true }
        let name = (components.last.map(String.init) ?? relativePath).lowercased()
        return name.hasSuffix(".md") || name.hasPrefix("readme") || name.hasPrefix("reamde")
    }

    private func run(_ sources: [SourceFile], skipsUnrecognised: Bool) throws(DataImportError) -> ImportResult {
        let options = self.options
        let outcomes = ParallelMap.map(count: sources.count, parallel: options.parallel) { index in
            Self.load(sources[index], options: options, skipsUnrecognised: skipsUnrecognised)
        }
        var report = ImportReport()
        var contents: [FileContents] = []
        for outcome in outcomes {
            switch outcome {
            case .read(let file): contents.append(file)
            case .skipped(let skipped): report.skippedFiles.append(skipped)
            case .failed(let error): throw error
            }
        }
        var merger = DataSetMerger(options: options)
        for file in contents { try merger.add(file) }
        return try merger.finish(report: report)
    }

    private static func load(_ source: SourceFile, options: ImportOptions, skipsUnrecognised: Bool) -> LoadOutcome {
        do throws(DataImportError) {
            let bytes = try ByteFile.read(path: source.path, displayName: source.name)
            let kind: DataFileKind
            do throws(DataImportError) {
                kind = try DataFileDetector.kind(fileName: source.name, bytes: bytes)
            } catch {
                guard skipsUnrecognised else { throw error }
                return .skipped(.init(file: source.name, reason: error.reason))
            }
            return .read(try FileReader.read(bytes: bytes, file: source.name, kind: kind, options: options))
        } catch {
            return .failed(error)
        }
    }
}

/// A file to import and the name messages use for it.
private struct SourceFile: Sendable {
    var path: String
    var name: String
}

private enum LoadOutcome: Sendable {
    case read(FileContents)
    case skipped(ImportReport.SkippedFile)
    case failed(DataImportError)
}
