import SQLKit

/// How a store reaches its SQL database, whatever the engine: SQLite (an embedded file, one
/// writer connection) or PostgreSQL (a server, a connection pool).
///
/// Repositories (factor configs, backtest tasks and results) are written against this protocol
/// with SQLKit builders only, so the same code and the same tests run on both engines. Guard
/// engine-only SQL with `dialectName`. `openStoreDatabase(_:)` opens either from a `StoreLocation`.
public protocol StoreDatabase: Sendable {
    /// `"sqlite"` or `"postgresql"` (SQLKit's dialect names).
    var dialectName: String { get }
    /// Where the data lives, for error messages: the file path, or the URL without its password.
    var location: String { get }

    /// Runs `body` on one connection, alone on it (no transaction). For reads and single statements.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` inside one transaction on one connection: committed when it returns, rolled
    /// back when it throws. SQLite takes the write lock up front (`BEGIN IMMEDIATE`), so its
    /// transactions never interleave; PostgreSQL's run side by side at READ COMMITTED, so a
    /// read-check-write body that must not interleave uses `transaction(locking:_:)`.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs read-only `body` on a connection that need not wait for writers: a separate reader
    /// connection on a SQLite file (WAL), any pooled connection on PostgreSQL. Every statement of
    /// the body sees the same committed state (one read transaction: a snapshot).
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Closes every connection; later calls throw `StorageError.closed`. Closing twice is harmless.
    func close() async throws
}

extension StoreDatabase {
    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection(body)
    }

    public func transaction<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await withConnection { db in
            try await db.transaction(dialect: db.dialect) { try await body(db) }
        }
    }

    /// Runs `body` in a transaction that first takes the write lock of `tables`, so writers of
    /// those tables run one after another, as on SQLite, while readers go on. On SQLite
    /// `transaction` already holds the database's one write lock; on PostgreSQL this adds
    /// `LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE` (it conflicts with itself and with every
    /// INSERT/UPDATE/DELETE, not with SELECT), held until COMMIT. Lock the same tables in the same
    /// order everywhere.
    public func transaction<T: Sendable>(
        locking tables: [String], _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await transaction { db in
            if db.dialect.name == "postgresql", !tables.isEmpty {
                try await db.raw("LOCK TABLE \(idents: tables, joinedBy: ", ") IN SHARE ROW EXCLUSIVE MODE").run()
            }
            return try await body(db)
        }
    }

    /// Applies the store schema's missing migrations (`MarketDataSchema.migrations`).
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await withConnection { db in try await SchemaMigrator(migrations: MarketDataSchema.migrations).migrate(db) }
    }

    /// `SELECT COUNT(*)` of `table`.
    public func count(_ table: String) async throws -> Int {
        try await read { db in
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
    }
}
