import Foundation
import Storage

/// Store test fixtures for both engines: each test gets its own empty store, removed afterwards.
///
/// ```swift
/// @Test(arguments: TestStoreEngine.available)
/// func roundTrip(engine: TestStoreEngine) async throws {
///     try await TestStoreDatabases.withStore(engine) { store in … }
/// }
/// ```
/// On PostgreSQL every test works in its own schema (`CREATE SCHEMA huice_t_<random>`, the pool's
/// `search_path` set through the URL's `schema=`), dropped with everything in it when the body
/// returns or throws. An unreachable server fails the test with the connection error.
public enum TestStoreDatabases {
    /// PostgreSQL tests running at once. Each holds an admin connection and a pool of up to
    /// `PostgresStoreDatabase.defaultMaximumConnections`: this keeps a parallel run well under the
    /// server's `max_connections` (100 by default).
    static let concurrentPostgresTests = AsyncSemaphore(limit: 6)

    /// Runs `body` with a fresh, empty location of `engine`, deleted afterwards (also on throw).
    @discardableResult
    public static func withFreshLocation<T>(_ engine: TestStoreEngine,
                                            _ body: (TestStoreLocation) async throws -> T) async throws -> T {
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("huice-store-tests-\(UUID().uuidString)", isDirectory: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("store.sqlite").path
            return try await body(TestStoreLocation(engine: engine, location: .sqlite(path: path)))
        case .postgresql:
            guard let base = TestStoreEngine.postgresURL else {
                throw StorageError(reason: "\(TestStoreEngine.postgresURLVariable) is not set: no PostgreSQL server to test on")
            }
            return try await concurrentPostgresTests.withPermit {
                try await withSchema(in: base, body)
            }
        }
    }

    /// Runs `body` with a fresh, opened, not yet migrated database of `engine`; closes and removes
    /// it afterwards.
    @discardableResult
    public static func withDatabase<T>(_ engine: TestStoreEngine,
                                       _ body: (any StoreDatabase) async throws -> T) async throws -> T {
        try await withFreshLocation(engine) { place in
            let database = try await place.openDatabase()
            do {
                let value = try await body(database)
                try await database.close()
                return value
            } catch {
                try? await database.close()
                throw error
            }
        }
    }

    /// Runs `body` with a fresh, opened and migrated store of `engine`; closes and removes it afterwards.
    @discardableResult
    public static func withStore<T>(_ engine: TestStoreEngine,
                                    _ body: (MarketDataStore) async throws -> T) async throws -> T {
        try await withFreshLocation(engine) { place in
            let store = try await place.openStore()
            do {
                let value = try await body(store)
                try await store.close()
                return value
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    private static func withSchema<T>(in base: String, _ body: (TestStoreLocation) async throws -> T) async throws -> T {
        let admin = try await PostgresStoreDatabase.open(url: base, maximumConnections: 1)
        let schema = "huice_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        do {
            try await admin.withConnection { db in try await db.raw("CREATE SCHEMA \(ident: schema)").run() }
            let separator = base.contains("?") ? "&" : "?"
            let location = StoreLocation.postgres(url: base + separator + "schema=" + schema)
            let value = try await body(TestStoreLocation(engine: .postgresql, location: location))
            try await drop(schema, admin)
            return value
        } catch {
            try? await drop(schema, admin)
            throw error
        }
    }

    /// Drops `schema` with everything in it and closes `admin`.
    private static func drop(_ schema: String, _ admin: PostgresStoreDatabase) async throws {
        do {
            try await admin.withConnection { db in try await db.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
            try await admin.close()
        } catch {
            try? await admin.close()
            throw error
        }
    }
}
