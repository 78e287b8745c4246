import Factors
import Foundation
import MarketData
import Runtime
import Storage

/// Parts of the bundled sample (Sources/Runtime/SampleData): importing all of it, factor files
/// included, takes seconds in a debug build.
public enum SampleSubset {
    /// The benchmark of every batch (the SSE Composite).
    public static let benchmark = "000001.SH"

    /// Saves the calendar, the instruments, the benchmark's and `stocks`' bars, and the factor
    /// values of those stocks.
    public static func save(stocks: [String], into store: MarketDataStore) async throws {
        let directory = SampleDataSet.dataDirectory
        // Sample file names: sh600036_….csv, sz000001.day, sh000001.day (the benchmark).
        let prefixes = (stocks + [benchmark]).map { $0.suffix(2).lowercased() + $0.prefix(6) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { name in
            name == "a_trade_calendar.csv" || name == "instruments.csv" || prefixes.contains { name.hasPrefix($0) }
        }
        guard names.count == stocks.count + 3 else {
            throw SampleSubsetError("expected one sample file per stock, found \(names.sorted())")
        }
        try await store.save(try MarketDataImporter().importFiles(at: names.sorted().map { directory + "/" + $0 }).data)

        // The factor files cut to those stocks' rows.
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("huice-sample-factors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cut, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cut) }
        let codes = Set(stocks + [benchmark])
        var files: [URL] = []
        for file in SampleDataSet.factorFiles {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            let rows = lines.dropFirst().filter { codes.contains(String($0.prefix { $0 != "," })) }
            let target = cut.appendingPathComponent(file.lastPathComponent)
            try ([lines[0]] + rows).joined(separator: "\n").appending("\n").write(to: target, atomically: true, encoding: .utf8)
            files.append(target)
        }
        try await store.saveFactors(try FactorDataImporter.importFiles(files))
    }
}

public struct SampleSubsetError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
