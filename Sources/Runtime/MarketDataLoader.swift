import Foundation
import HuiceCore
import MarketData
import Storage

/// Loads the market data a run reads from a path: a directory of data files in any supported
/// format, a single data file, or a Huice store (an SQLite file written by `huice import --into`).
public struct MarketDataLoader: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) { self.options = options }

    /// The data at `path`, with the import report (skipped rows and files; empty for a store).
    public func load(path: String) async throws -> ImportResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataImportError(file: path, reason: "no such file or directory")
        }
        if !isDirectory.boolValue && Self.isStore(path) {
            let store = try await MarketDataStore.open(path: path)
            let data = try await store.load()
            try await store.close()
            return ImportResult(data: data, report: ImportReport())
        }
        let importer = MarketDataImporter(options: options)
        return isDirectory.boolValue ? try importer.importDirectory(at: path) : try importer.importFile(at: path)
    }

    /// Whether `path` is an SQLite database (its first 16 bytes are "SQLite format 3\0").
    public static func isStore(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 16)) ?? Data()
        return magic == Data("SQLite format 3\0".utf8)
    }
}
