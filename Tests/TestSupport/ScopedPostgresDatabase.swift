import Foundation
import SQLKit
import Storage

/// A PostgreSQL test database in its own fresh schema that is dropped when the database is closed,
/// for tests that open a database and close it themselves (rather than inside a
/// `TestStoreDatabases.withDatabase` body).
public final class ScopedPostgresDatabase: StoreDatabase {
    private let inner: PostgresStoreDatabase
    private let admin: PostgresStoreDatabase
    public let schema: String

    public var dialectName: String { inner.dialectName }
    public var location: String { inner.location }

    private init(inner: PostgresStoreDatabase, admin: PostgresStoreDatabase, schema: String) {
        self.inner = inner
        self.admin = admin
        self.schema = schema
    }

    /// A new schema in the `HUICE_TEST_POSTGRES_URL` database, opened (not migrated).
    public static func open() async throws -> ScopedPostgresDatabase {
        guard let base = TestStoreEngine.postgresURL else {
            throw StorageError(reason: "\(TestStoreEngine.postgresURLVariable) is not set: no PostgreSQL server to test on")
        }
        let admin = try await PostgresStoreDatabase.open(url: base, maximumConnections: 1)
        let schema = "huice_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        do {
            try await admin.withConnection { db in try await db.raw("CREATE SCHEMA \(ident: schema)").run() }
            let separator = base.contains("?") ? "&" : "?"
            let inner = try await PostgresStoreDatabase.open(url: base + separator + "schema=" + schema,
                                                             maximumConnections: 4)
            return ScopedPostgresDatabase(inner: inner, admin: admin, schema: schema)
        } catch {
            try? await admin.withConnection { db in try await db.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
            try? await admin.close()
            throw error
        }
    }

    public func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await inner.withConnection(body)
    }

    public func transaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await inner.transaction(body)
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await inner.read(body)
    }

    /// Closes the pool, then drops the schema with everything in it.
    public func close() async throws {
        try await inner.close()
        do {
            try await admin.withConnection { db in
                try await db.raw("DROP SCHEMA IF EXISTS \(ident: self.schema) CASCADE").run()
            }
            try await admin.close()
        } catch {
            try? await admin.close()
            throw error
        }
    }
}
