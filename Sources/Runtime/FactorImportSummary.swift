import Foundation
import HuiceCore
import MarketData
import Factors
import Storage

/// `huice factors import`: reads factor files, prints what they hold, optionally saves them to a
/// store. The CLI only parses arguments; this does the work and renders the text.
public enum FactorImportSummary {
    /// Imports `paths` (files or directories) with the registry's columns and, with `store` (an
    /// SQLite path or a PostgreSQL URL, see `StoreLocation`), saves the data there (`mode`; one
    /// transaction). Returns the summary text; throws the first `DataImportError`
    /// (file:line:field) or `StorageError`, in which case nothing was saved.
    public static func run(paths: [String], store: String? = nil, mode: SaveMode = .merge,
                           skipInvalidRows: Bool = false) async throws -> String {
        let result = try FactorDataImporter.importFiles(paths.map { URL(fileURLWithPath: $0) },
                                                        options: FactorImportOptions(skipInvalidRows: skipInvalidRows))
        var text = render(result)
        guard let store else { return text }
        let location = try StoreLocation(parsing: store)
        let opened = try await MarketDataStore.open(location: location)
        do {
            try await opened.saveFactors(result.data, mode: mode)
            let summary = try await opened.summary()
            try await opened.close()
            text += "\nSaved to \(location.displayName) (\(mode == .replace ? "replaced those stocks' factors" : "merged")): "
                + "the store holds \(summary.factorValues) factor value(s)"
        } catch {
            try? await opened.close()
            throw error
        }
        return text
    }

    /// The summary of an import: files with their rows and columns (used and ignored), then per
    /// factor its observations, stocks and date ranges, then what was skipped.
    public static func render(_ result: FactorImportResult) -> String {
        let data = result.data, report = result.report
        let factors = data.factorSummaries
        let codes = data.codes
        var lines: [String] = []
        lines.append("Imported \(report.files.count) factor file(s): \(data.count) observation(s) of \(factors.count) factor(s) "
                     + "for \(codes.count) stock(s)")
        for file in report.files {
            var head = "  \(file.file) (\(file.kind.title)): \(file.rowCount) row(s), \(file.observationCount) observation(s)"
            if file.emptyCells > 0 { head += ", \(file.emptyCells) empty cell(s)" }
            lines.append(head)
            if !file.columns.isEmpty {
                lines.append("    columns: " + file.columns.map { "\($0.factor) ← \($0.column)" }.joined(separator: ", "))
            }
            if !file.ignoredColumns.isEmpty {
                lines.append("    ignored columns: " + file.ignoredColumns.joined(separator: ", "))
            }
        }
        if !factors.isEmpty {
            lines.append("Factors:")
            let width = factors.map(\.factor.count).max() ?? 0
            for f in factors {
                var line = "  \(f.factor.padding(toLength: width, withPad: " ", startingAt: 0))  "
                    + "\(f.observationCount) observation(s), \(f.codeCount) stock(s), "
                    + "observed \(f.observedRange.lowerBound) … \(f.observedRange.upperBound), "
                    + "published \(f.publishedRange.lowerBound) … \(f.publishedRange.upperBound)"
                if f.restatementCount > 0 { line += ", \(f.restatementCount) restatement(s)" }
                lines.append(line)
            }
        }
        if !codes.isEmpty { lines.append("Stocks: " + codes.map(\.description).joined(separator: ", ")) }
        if let observed = data.observedRange, let published = data.publishedRange {
            lines.append("Dates: observed \(observed.lowerBound) … \(observed.upperBound), "
                         + "published \(published.lowerBound) … \(published.upperBound)")
        }
        if report.duplicateCount > 0 { lines.append("Repeated rows with equal values, kept once: \(report.duplicateCount)") }
        if report.supersededCount > 0 {
            lines.append("Values replaced by a row with a higher update_flag: \(report.supersededCount)")
        }
        for skipped in report.skippedFiles { lines.append("Skipped file \(skipped.file): \(skipped.reason)") }
        for row in report.skippedRows { lines.append("Skipped row \(row)") }
        return lines.joined(separator: "\n")
    }
}
