import Foundation
import Storage

/// Opens the store `huice serve` uses.
enum StoreOpener {
    /// The default store: `<data dir>/huice.sqlite`, created and migrated on first start.
    static func defaultStorePath(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent("huice.sqlite")
    }

    /// Opens (and migrates) the store `--database` names: an SQLite path (`sqlite:PATH`,
    /// `sqlite://PATH`) or a `postgres://` / `postgresql://` URL (`StoreLocation`).
    static func open(databaseURL url: String) async throws -> MarketDataStore {
        let location: StoreLocation
        do {
            location = try StoreLocation(parsing: url)
        } catch {
            throw ServeError.unsupportedDatabase("\(error)")
        }
        return try await MarketDataStore.open(location: location)
    }
}
