import SQLKit
import TestSupport
import Testing
@testable import Storage

@Suite("Schema migrations")
struct StoreMigrationTests {
    @Test("opening a store twice records each version once", arguments: TestStoreEngine.available)
    func idempotent(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let all = MarketDataSchema.migrations.map(\.version)
            let first = try await place.openStore()
            #expect(try await first.schemaVersions() == all)
            try await first.close()

            let second = try await place.openStore()
            #expect(try await second.schemaVersions() == all)
            let names = try await second.database.read { db in
                try await db.select().column("name").from("schema_migrations").orderBy("version").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(names == MarketDataSchema.migrations.map(\.name))
            #expect(Array(names.prefix(3)) == ["create market data tables", "factor_values", "factor_configurations"])
            try await second.close()
        }
    }

    @Test("two stores opened at once on one database both end migrated, each version applied once",
          arguments: TestStoreEngine.available)
    func concurrentOpens(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            // Two, like two processes starting. (More SQLite stores of one process on one file can
            // starve: SQLiteNIO runs SQLite's calls on a thread pool of one thread per core, and a
            // connection waiting for the write lock sleeps on one of them.)
            let stores = try await withThrowingTaskGroup(of: MarketDataStore.self) { group in
                for _ in 0..<2 { group.addTask { try await place.openStore() } }
                return try await group.reduce(into: [MarketDataStore]()) { $0.append($1) }
            }
            for store in stores {
                #expect(try await store.schemaVersions() == MarketDataSchema.migrations.map(\.version))
                try await store.close()
            }
        }
    }

    @Test("only missing migrations run on re-open", arguments: TestStoreEngine.available)
    func appliesOnlyMissing(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store async throws in
            let migrator = SchemaMigrator(migrations: MarketDataSchema.migrations + [AddNotesTable()])
            #expect(try await store.database.withConnection { try await migrator.migrate($0) } == [AddNotesTable.testVersion])
            #expect(try await store.database.withConnection { try await migrator.migrate($0) } == [])
            #expect(try await store.schemaVersions() == MarketDataSchema.migrations.map(\.version) + [AddNotesTable.testVersion])
            #expect(try await store.database.count("notes") == 0)
        }
    }

    @Test("a failing migration leaves no trace and no version row", arguments: TestStoreEngine.available)
    func failingMigrationRollsBack(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store async throws in
            let migrator = SchemaMigrator(migrations: MarketDataSchema.migrations + [BrokenMigration()])
            await #expect(throws: (any Error).self) { try await store.database.withConnection { try await migrator.migrate($0) } }
            #expect(try await store.schemaVersions() == MarketDataSchema.migrations.map(\.version))
            // the table the broken migration created first was rolled back with it
            await #expect(throws: (any Error).self) { try await store.database.count("half_done") }
        }
    }
}

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
