/// Opens the database at `location` — an SQLite file (created when missing) or a PostgreSQL
/// database (which must exist) — without migrating it; `migrate()` or
/// `MarketDataStore.open(location:)` applies the schema. Throws a `StorageError` naming the
/// location when it cannot be opened.
public func openStoreDatabase(_ location: StoreLocation) async throws -> any StoreDatabase {
    switch location {
    case .sqlite(let path): try await SQLiteStoreDatabase.open(path: path)
    case .postgres(let url): try await PostgresStoreDatabase.open(url: url)
    }
}
