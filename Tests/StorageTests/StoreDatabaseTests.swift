import Foundation
import SQLKit
import TestSupport
import Testing
@testable import Storage

/// The `StoreDatabase` contract, on every engine: what repositories rely on.
@Suite("Store databases")
struct StoreDatabaseTests {
    /// Creates `counters (name TEXT PRIMARY KEY, value BIGINT)` with one row `n = 0`.
    private func makeCounter(_ database: any StoreDatabase) async throws {
        try await database.transaction { db in
            try await db.create(table: "counters")
                .column("name", type: .text, .primaryKey(autoIncrement: false))
                .column("value", type: .bigint, .notNull)
                .run()
            try await db.insert(into: "counters").columns("name", "value").values(SQLBind("n"), SQLBind(0)).run()
        }
    }

    private static func counter(_ db: any SQLDatabase) async throws -> Int {
        try await db.select().column("value").from("counters").where("name", .equal, SQLBind("n")).first()?
            .decode(column: "value", as: Int.self) ?? -1
    }

    @Test("a transaction commits when its body returns and rolls back when it throws",
          arguments: TestStoreEngine.available)
    func commitAndRollback(engine: TestStoreEngine) async throws {
        struct Abort: Error {}
        try await TestStoreDatabases.withDatabase(engine) { database in
            try await makeCounter(database)
            try await database.transaction { db in
                try await db.update("counters").set("value", to: SQLBind(5)).run()
            }
            await #expect(throws: Abort.self) {
                try await database.transaction { db in
                    try await db.update("counters").set("value", to: SQLBind(9)).run()
                    #expect(try await Self.counter(db) == 9)  // the body sees its own write
                    throw Abort()
                }
            }
            #expect(try await database.read { try await Self.counter($0) } == 5)
        }
    }

    @Test("locking writers take turns: 40 concurrent read-then-write increments lose none",
          arguments: TestStoreEngine.available)
    func lockingTransactionsSerialise(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withDatabase(engine) { database in
            try await makeCounter(database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await database.transaction(locking: ["counters"]) { db in
                            let value = try await Self.counter(db)
                            try await Task.sleep(for: .milliseconds(1))  // widen the window a race would need
                            try await db.update("counters").set("value", to: SQLBind(value + 1)).run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await database.read { try await Self.counter($0) } == 40)
        }
    }

    @Test("a read sees one snapshot while a write commits in between", arguments: TestStoreEngine.available)
    func readSnapshot(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withDatabase(engine) { database in
            try await makeCounter(database)
            let firstReadDone = Signal()
            let writeDone = Signal()
            async let seen = database.read { db in
                let before = try await Self.counter(db)
                await firstReadDone.fire()
                await writeDone.wait()
                return [before, try await Self.counter(db)]
            }
            await firstReadDone.wait()
            try await database.transaction { db in try await db.update("counters").set("value", to: SQLBind(7)).run() }
            await writeDone.fire()
            #expect(try await seen == [0, 0])
            #expect(try await database.read { try await Self.counter($0) } == 7)
        }
    }

    @Test("a closed database refuses work; closing twice is harmless", arguments: TestStoreEngine.available)
    func closed(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let database = try await place.openDatabase()
            try await database.close()
            try await database.close()
            await #expect(throws: StorageError.closed) { try await database.withConnection { _ in 1 } }
            await #expect(throws: StorageError.closed) { try await database.transaction { _ in 1 } }
            await #expect(throws: StorageError.closed) { try await database.read { _ in 1 } }
        }
    }

    @Test("the dialect name matches the engine", arguments: TestStoreEngine.available)
    func dialect(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withDatabase(engine) { database async throws in
            #expect(database.dialectName == engine.rawValue)
            #expect(try await database.withConnection { $0.dialect.name } == engine.rawValue)
        }
    }
}

/// A one-shot event one task waits for and another fires.
actor Signal {
    private var fired = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func fire() {
        fired = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }

    func wait() async {
        if fired { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
