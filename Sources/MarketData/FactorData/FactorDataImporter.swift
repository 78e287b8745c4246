import Foundation
import HuiceCore

/// Imports fundamental, market and sentiment factor files (docs/DATA.md §8) into one
/// `FactorDataSet`, point-in-time: every value carries the day it describes and the first day a
/// decision may use it.
///
/// The formats are recognised by their header (`FactorFileKind`). Which factor a column or a
/// factor name stands for comes from a `FactorColumnMap`; `FactorDataImporter.importFiles(_:)` in
/// the Factors module passes the registry's. An import is atomic: it returns everything, or throws
/// the first error (in path order) naming file, line, field and reason.
///
/// Merging the files: observations with the same key (code, factor, observed, published) must
/// agree. Of rows with different Tushare `update_flag`s the higher flag wins; equal values are
/// kept once (overlapping downloads); different values are an error naming both places.
public enum FactorDataImporter {
    /// Imports `urls` (files, or directories read recursively) as one data set. Files under a
    /// directory that hold no factor data (and hidden files, `*.md`, README files) are skipped and
    /// listed in the report; a file named directly must be factor data.
    public static func importFiles(_ urls: [URL], columns: FactorColumnMap,
                                   options: FactorImportOptions = FactorImportOptions()) throws(DataImportError)
        -> FactorImportResult
    {
        let sources = try self.sources(urls)
        let outcomes = ParallelMap.map(count: sources.count, parallel: options.parallel) { index in
            load(sources[index], columns: columns, options: options)
        }
        var report = FactorImportReport()
        var files: [FactorFileContents] = []
        for outcome in outcomes {
            switch outcome {
            case .read(let file): files.append(file)
            case .skipped(let skipped): report.skippedFiles.append(skipped)
            case .failed(let error): throw error
            }
        }
        for file in files {
            report.files.append(.init(file: file.file, kind: file.kind, rowCount: file.rowCount,
                                      observationCount: file.rows.count, emptyCells: file.emptyCells,
                                      columns: file.columns, ignoredColumns: file.ignoredColumns))
            report.skippedRows += file.skippedRows
        }
        let data = try merge(files, options: options, report: &report)
        return FactorImportResult(data: data, report: report)
    }

    /// The factor format of a file named `fileName` holding `bytes`, or an error saying why it is
    /// none (naming a market-data format when it is one).
    public static func kind(fileName: String, bytes: [UInt8], columns: FactorColumnMap) throws(DataImportError) -> FactorFileKind {
        let ext = FileNameCode.pathExtension(of: fileName)
        guard ext == "csv" || ext == "txt" || ext == "tsv" else {
            throw DataImportError(file: fileName, reason: "not a factor data file: extension '.\(ext)' (expected .csv, .txt or .tsv)")
        }
        let header: CSVHeader = bytes.withUnsafeBufferPointer { buffer in
            var scanner = FieldScanner(bytes: buffer, separator: DataFileDetector.separator(of: buffer),
                                       start: ByteText.bodyStart(buffer))
            return scanner.nextLine() ? CSVHeader(scanner) : CSVHeader(names: [])
        }
        if let kind = FactorFileKind.detect(header, knownColumns: columns.columns) { return kind }
        if header.names.allSatisfy(\.isEmpty) {
            throw DataImportError(file: fileName, line: 1, reason: "not a factor data file: the file is empty")
        }
        if let market = DataFileDetector.kind(of: header) {
            throw DataImportError(file: fileName, line: 1, reason: "not a factor data file: it holds market data "
                                  + "(\(market.rawValue)); import it with `huice import`")
        }
        throw DataImportError(file: fileName, line: 1, reason: "not a factor data file: header '\(header.joined)' matches no "
                              + "factor format (Tushare daily_basic: ts_code, trade_date, factor columns; fina_indicator: "
                              + "ts_code, ann_date, end_date, …; sentiment: ts_code, publish_date, news_sentiment; long: "
                              + "stock_code, factor, observed_date, publish_date, value)")
    }

    // MARK: Files

    private struct Source: Sendable {
        var path: String
        var name: String
        var fromDirectory: Bool
    }

    private enum Outcome: Sendable {
        case read(FactorFileContents)
        case skipped(FactorImportReport.SkippedFile)
        case failed(DataImportError)
    }

    private static func sources(_ urls: [URL]) throws(DataImportError) -> [Source] {
        let paths = urls.map(\.path)
        let names = paths.map { FileNameCode.lastComponent(of: $0) }
        let unique = Set(names).count == names.count
        var sources: [Source] = []
        for (path, name) in zip(paths, names) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DataImportError(file: path, reason: "no such file or directory")
            }
            guard isDirectory.boolValue else {
                sources.append(Source(path: path, name: unique ? name : path, fromDirectory: false))
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw DataImportError(file: path, reason: "cannot list the directory")
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            let prefix = FileNameCode.lastComponent(of: path.hasSuffix("/") ? String(path.dropLast()) : path) + "/"
            var found: [Source] = []
            while let relative = enumerator.nextObject() as? String {
                guard !MarketDataImporter.isIgnored(relative) else { continue }
                var isSubdirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: base + relative, isDirectory: &isSubdirectory),
                      !isSubdirectory.boolValue else { continue }
                found.append(Source(path: base + relative, name: prefix + relative, fromDirectory: true))
            }
            sources += found.sorted { $0.name < $1.name }
        }
        return sources
    }

    private static func load(_ source: Source, columns: FactorColumnMap, options: FactorImportOptions) -> Outcome {
        do throws(DataImportError) {
            let bytes = try ByteFile.read(path: source.path, displayName: source.name)
            let kind: FactorFileKind
            do throws(DataImportError) {
                kind = try self.kind(fileName: source.name, bytes: bytes, columns: columns)
            } catch {
                guard source.fromDirectory else { throw error }
                return .skipped(.init(file: source.name, reason: error.reason))
            }
            return .read(try FactorFileReader.read(bytes: bytes, file: source.name, kind: kind, columns: columns,
                                                   skipsInvalidRows: options.skipInvalidRows))
        } catch {
            return .failed(error)
        }
    }

    // MARK: Merging

    /// One data set from the files' rows: sorted by key, one observation per key (see the type's
    /// documentation for how rows with the same key are resolved).
    private static func merge(_ files: [FactorFileContents], options: FactorImportOptions,
                              report: inout FactorImportReport) throws(DataImportError) -> FactorDataSet {
        var codes = Set<StockCode>(), factors = Set<String>()
        for file in files {
            for row in file.rows {
                codes.insert(row.observation.code)
                factors.insert(row.observation.factor)
            }
        }
        let codeRank = Dictionary(uniqueKeysWithValues: codes.sorted().enumerated().map { ($1, Int32($0)) })
        let factorRank = Dictionary(uniqueKeysWithValues: factors.sorted().enumerated().map { ($1, Int32($0)) })
        struct Entry {
            var code: Int32, factor: Int32, observed: Int32, published: Int32, flag: Int8, file: Int32, row: Int32
        }
        var entries: [Entry] = []
        entries.reserveCapacity(files.reduce(0) { $0 + $1.rows.count })
        for (f, file) in files.enumerated() {
            for (r, row) in file.rows.enumerated() {
                let o = row.observation
                entries.append(Entry(code: codeRank[o.code]!, factor: factorRank[o.factor]!, observed: o.observed.yyyymmdd,
                                     published: o.published.yyyymmdd, flag: row.updateFlag, file: Int32(f), row: Int32(r)))
            }
        }
        // Same key together; within a key the highest update_flag first, then file and row order.
        entries.sort { a, b in
            if (a.code, a.factor, a.observed, a.published) != (b.code, b.factor, b.observed, b.published) {
                return (a.code, a.factor, a.observed, a.published) < (b.code, b.factor, b.observed, b.published)
            }
            return (-Int(a.flag), a.file, a.row) < (-Int(b.flag), b.file, b.row)
        }
        var issues = RowIssues(skipsInvalidRows: options.skipInvalidRows)
        var result: [FactorObservation] = []
        result.reserveCapacity(entries.count)
        var winner: Entry?
        for entry in entries {
            let row = files[Int(entry.file)].rows[Int(entry.row)]
            if let first = winner, first.code == entry.code, first.factor == entry.factor, first.observed == entry.observed,
               first.published == entry.published {
                let kept = files[Int(first.file)].rows[Int(first.row)]
                if entry.flag < first.flag {
                    report.supersededCount += 1
                } else if kept.observation.value == row.observation.value {
                    report.duplicateCount += 1
                } else {
                    let file = files[Int(entry.file)]
                    let o = row.observation
                    try issues.reject(DataImportError(
                        file: file.file, line: Int(row.line), field: file.columnName(row.column), stock: o.code.description,
                        date: o.observed.description,
                        reason: "a second value for \(o.factor) observed \(o.observed), published \(o.published): "
                            + "\(o.value) here, \(kept.observation.value) at \(files[Int(first.file)].file):\(kept.line)"))
                }
                continue
            }
            winner = entry
            result.append(row.observation)
        }
        report.skippedRows += issues.skipped
        var data = FactorDataSet()
        data.observations = result
        return data
    }
}
