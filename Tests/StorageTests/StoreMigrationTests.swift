import Testing
@testable import Storage
import SQLKit

@Suite("Schema migrations")
struct StoreMigrationTests {
    @Test("opening a store twice records each version once")
    func idempotent() async throws {
        let path = StoreFixtures.temporaryStorePath()
        let all = MarketDataSchema.migrations.map(\.version)
        let first = try await MarketDataStore.open(path: path)
        #expect(try await first.schemaVersions() == all)
        try await first.close()

        let second = try await MarketDataStore.open(path: path)
        #expect(try await second.schemaVersions() == all)
        let rows = try await second.db.select().column("name").from("schema_migrations").orderBy("version").all()
        #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == MarketDataSchema.migrations.map(\.name))
        #expect(Array(MarketDataSchema.migrations.map(\.name).prefix(2)) == ["create market data tables", "factor_values"])
        try await second.close()
    }

    @Test("only missing migrations run on re-open")
    func appliesOnlyMissing() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        let migrator = SchemaMigrator(migrations: MarketDataSchema.migrations + [AddNotesTable()])
        #expect(try await migrator.migrate(store.db) == [AddNotesTable.testVersion])
        #expect(try await migrator.migrate(store.db) == [])
        #expect(try await store.schemaVersions() == MarketDataSchema.migrations.map(\.version) + [AddNotesTable.testVersion])
        try await store.close()
    }

    @Test("a failing migration leaves no trace and no version row")
    func failingMigrationRollsBack() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        let migrator = SchemaMigrator(migrations: MarketDataSchema.migrations + [BrokenMigration()])
        await #expect(throws: (any Error).self) { try await migrator.migrate(store.db) }
        #expect(try await store.schemaVersions() == MarketDataSchema.migrations.map(\.version))
        let tables = try await store.db.raw("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()
        #expect(tables.isEmpty)
        try await store.close()
    }
}

/// The versions a fresh store is at (test migrations use 1_000, past any real one).
private let allVersions = MarketDataSchema.migrations.map(\.version).sorted()

private struct AddNotesTable: SchemaMigration {
    /// Above every real migration.
    static let testVersion = 1_000
    let version = testVersion
    let name = "add notes"
    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "notes").column("id", type: .bigint, .primaryKey(autoIncrement: false)).run()
    }
}

private struct BrokenMigration: SchemaMigration {
    let version = 1_000
    let name = "broken"
    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "half_done").column("id", type: .bigint).run()
        try await db.raw("THIS IS NOT SQL").run()
    }
}
