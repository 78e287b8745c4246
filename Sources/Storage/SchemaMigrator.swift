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
    @discardableResult
    func migrate(_ db: any SQLDatabase) async throws -> [Int] {
        try await db.withSession { session in
            try await session.create(table: Self.table)
                .ifNotExists()
                .column("version", type: .int, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .text, .notNull)
                .run()
            let done = Set(try await Self.appliedVersions(session))
            var applied: [Int] = []
            for migration in migrations where !done.contains(migration.version) {
                try await session.transaction(dialect: session.dialect) {
                    try await migration.prepare(on: session)
                    try await session.insert(into: Self.table)
                        .columns("version", "name", "applied_at")
                        .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(timestamp()))
                        .run()
                }
                applied.append(migration.version)
            }
            return applied
        }
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
        let begin = dialect.name == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN"
        try await raw(SQLQueryString(begin)).run()
        do {
            let value = try await body()
            try await raw("COMMIT").run()
            return value
        } catch {
            try? await raw("ROLLBACK").run()
            throw error
        }
    }
}
