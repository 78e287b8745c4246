import Foundation
import HuiceCore
import MarketData

/// Loads the market data a run reads from a path: a directory of data files in any supported
/// format, or a single data file.
public struct MarketDataLoader: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) { self.options = options }

    /// The data at `path`, with the import report (skipped rows and files).
    public func load(path: String) throws -> ImportResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataImportError(file: path, reason: "no such file or directory")
        }
        let importer = MarketDataImporter(options: options)
        return isDirectory.boolValue ? try importer.importDirectory(at: path) : try importer.importFile(at: path)
    }
}
