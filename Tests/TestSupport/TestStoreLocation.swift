import Storage

/// A fresh, empty place for a store, made by `TestStoreDatabases.withFreshLocation`: a new SQLite
/// file in a temporary directory, or a new schema in the `HUICE_TEST_POSTGRES_URL` database. It
/// may be opened any number of times (to test what survives a close and re-open) while the
/// body runs.
public struct TestStoreLocation: Sendable {
    public let engine: TestStoreEngine
    public let location: StoreLocation

    /// Opens the database (not migrated).
    public func openDatabase() async throws -> any StoreDatabase {
        try await openStoreDatabase(location)
    }

    /// Opens and migrates the store.
    public func openStore() async throws -> MarketDataStore {
        try await MarketDataStore.open(location: location)
    }
}
