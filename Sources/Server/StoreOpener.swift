import Foundation
import Storage

/// Opens the store `huice serve` uses.
enum StoreOpener {
    /// The default store: `<data dir>/huice.sqlite`, created and migrated on first start.
    static func defaultStorePath(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent("huice.sqlite")
    }

    /// Opens (and migrates) the store `--database` names.
    ///
    /// MERGE(postgres): this is the one function to change when the "postgres" branch lands.
    /// Replace its body with
    ///     try await MarketDataStore.open(location: try StoreLocation(parsing: url))
    /// (`StoreLocation(parsing:)` accepts postgres:// URLs and SQLite paths). Until then only
    /// SQLite works: a file path, or `sqlite:PATH` / `sqlite://PATH`.
    static func open(databaseURL url: String) async throws -> MarketDataStore {
        let lowered = url.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            throw ServeError.unsupportedDatabase(
                "PostgreSQL stores are not available in this build yet (they come with the PostgreSQL backend); "
                    + "use an SQLite path or leave out --database")
        }
        var path = url
        for prefix in ["sqlite://", "sqlite:"] where lowered.hasPrefix(prefix) {
            path = String(url.dropFirst(prefix.count))
            break
        }
        guard !path.isEmpty else { throw ServeError.unsupportedDatabase("--database '\(url)' names no file") }
        return try await MarketDataStore.open(path: path)
    }
}
