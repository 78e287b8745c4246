import Foundation
import SQLKit

/// Applies the missing migrations of a list, each in a transaction with its bookkeeping row.
struct SchemaMigrator: Sendable {
    static let table = "schema_migrations"

    let migrations: [any SchemaMigration]
    /// The `applied_at` text (ISO 8601, UTC); injectable for tests.
    var timestamp: @Sendable () -> String = { Date().ISO8601Format() }

    init(migrations: [any SchemaMigration]) {
        precondition(Set(migrations.map(\.version)).count == migrations.count, "duplicate migration versions")
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Creates the bookkeeping table when missing and applies each migration whose version is
    /// not recorded yet. Returns the versions applied now (empty when the store was current).
    ///
    /// Two processes opening one store at once take turns: on SQLite each migration's transaction
    /// holds the write lock and checks again that its version is still missing; on PostgreSQL,
    /// where even two concurrent `CREATE TABLE IF NOT EXISTS` of one name can fail, the whole run
    /// holds a session advisory lock keyed by the schema, so the second finds the versions applied.
    @discardableResult
    func migrate(_ db: any SQLDatabase) async throws -> [Int] {
        try await db.withSession { session in
            guard session.dialect.name == "postgresql" else { return try await migrateAlone(session) }
            let key: SQLQueryString = "hashtext(\(literal: "huice.schema_migrations:") || current_schema())"
            try await session.raw("SELECT pg_advisory_lock(\(key))").run()
            do {
                let applied = try await migrateAlone(session)
                try await session.raw("SELECT pg_advisory_unlock(\(key))").run()
                return applied
            } catch {
                try? await session.raw("SELECT pg_advisory_unlock(\(key))").run()
                throw error
            }
        }
    }

    private func migrateAlone(_ session: any SQLDatabase) async throws -> [Int] {
        try await session.create(table: Self.table)
            .ifNotExists()
            .column("version", type: .int, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("applied_at", type: .text, .notNull)
            .run()
        let done = Set(try await Self.appliedVersions(session))
        var applied: [Int] = []
        for migration in migrations where !done.contains(migration.version) {
            let ran = try await session.transaction(dialect: session.dialect) {
                // Another process may have applied it since `done` was read; holding the write
                // lock now, look again.
                guard try await !Self.appliedVersions(session).contains(migration.version) else { return false }
                try await migration.prepare(on: session)
                try await session.insert(into: Self.table)
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(timestamp()))
                    .run()
                return true
            }
            if ran { applied.append(migration.version) }
        }
        return applied
    }

    /// Versions recorded in `schema_migrations`, ascending.
    static func appliedVersions(_ db: any SQLDatabase) async throws -> [Int] {
        try await db.select().column("version").from(table).orderBy("version").all()
            .map { try $0.decode(column: "version", as: Int.self) }
    }
}

extension SQLDatabase {
    /// Runs `body` between BEGIN and COMMIT, rolling back when it throws. SQLite takes the write
    /// lock up front (`BEGIN IMMEDIATE`) so two writers never deadlock on a lock upgrade.
    func transaction<T: Sendable>(dialect: any SQLDialect, _ body: @Sendable () async throws -> T) async throws -> T {
        try await transaction(beginning: dialect.name == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN", body)
    }

    /// Runs `begin` (a BEGIN statement), then `body`, then COMMIT; ROLLBACK when `body` throws.
    func transaction<T: Sendable>(beginning begin: String, _ body: @Sendable () async throws -> T) async throws -> T {
        try await raw(SQLQueryString(begin)).run()
        do {
            let value = try await body()
            try await raw("COMMIT").run()
            return value
        } catch {
            // Roll back from a task nobody cancels: a cancelled task's statements can fail before
            // they run (PostgresNIO checks cancellation), which would hand the connection back —
            // to the pool, or to the next caller of SQLite's one connection — inside an open
            // transaction ("cannot start a transaction within a transaction").
            let db = self
            await Task.detached { try? await db.raw("ROLLBACK").run() }.value
            throw error
        }
    }
}
