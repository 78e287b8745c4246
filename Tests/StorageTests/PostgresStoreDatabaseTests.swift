import Foundation
import SQLKit
import TestSupport
import Testing
@testable import Storage

private let postgresURL = TestStoreEngine.postgresURL
private let onPostgres = Testing.ConditionTrait.enabled(
    if: postgresURL != nil, "\(TestStoreEngine.postgresURLVariable) is not set: no PostgreSQL server to test against")

/// PostgreSQL specifics. Run against the server `HUICE_TEST_POSTGRES_URL` names; skipped (and
/// reported as skipped) without it.
@Suite("PostgreSQL store database")
struct PostgresStoreDatabaseTests {
    @Test("the test server answers (the other PostgreSQL cases ran against it)", onPostgres)
    func serverAnswers() async throws {
        let database = try await PostgresStoreDatabase.open(url: try #require(postgresURL))
        let version = try await database.read { db in
            try await db.raw("SHOW server_version_num").first()?.decode(column: "server_version_num", as: String.self)
        }
        try await database.close()
        #expect(Int(try #require(version)) ?? 0 >= 120_000)
    }

    @Test("an unreachable server fails the open at once, naming the location without the password")
    func unreachable() async throws {
        // Port 1 on the loopback: nothing listens there, the connection is refused. The open's
        // own probe connection reports it ("cannot connect"), rather than the pool, which would
        // keep callers waiting for a minute of retries before "no connection".
        do {
            let database = try await PostgresStoreDatabase.open(url: "postgres://huice:s3cret@127.0.0.1:1/huice?sslmode=disable")
            try await database.close()
            Issue.record("the open should fail")
        } catch let error as StorageError {
            #expect(error.location.file == "postgres://huice@127.0.0.1:1/huice?sslmode=disable")
            #expect(error.reason.hasPrefix("cannot connect: "))
            #expect(error.reason.contains("Connection refused"))
            #expect(!error.description.contains("s3cret"))
        }
    }

    @Test("a wrong password is refused with the server's reason", onPostgres)
    func wrongPassword() async throws {
        let url = try PostgresURL(parsing: try #require(postgresURL))
        var components = URLComponents(string: try #require(postgresURL))!
        components.password = "not-the-password"
        await #expect {
            try await PostgresStoreDatabase.open(url: components.string!).close()
        } throws: { error in
            let error = try #require(error as? StorageError)
            return error.location.file == url.redacted && error.reason.contains("password authentication failed")
                && error.reason.contains("SQLSTATE 28P01")
        }
    }

    @Test("a schema that does not exist is named", onPostgres)
    func missingSchema() async throws {
        let base = try #require(postgresURL)
        let url = base + (base.contains("?") ? "&" : "?") + "schema=huice_no_such_schema"
        await #expect {
            try await PostgresStoreDatabase.open(url: url).close()
        } throws: { error in
            (error as? StorageError)?.reason.hasPrefix("schema 'huice_no_such_schema' does not exist in database") == true
        }
    }

    @Test("SQL errors become storage errors with the location, the server's message and SQLSTATE", onPostgres)
    func sqlErrors() async throws {
        try await TestStoreDatabases.withDatabase(.postgresql) { database in
            await #expect {
                try await database.withConnection { db in try await db.raw("SELECT * FROM no_such_table").run() }
            } throws: { error in
                let error = try #require(error as? StorageError)
                return error.location.file == database.location
                    && error.reason == #"relation "no_such_table" does not exist (SQLSTATE 42P01)"#
            }
        }
    }

    @Test("a transaction runs on one connection, from BEGIN to COMMIT", onPostgres)
    func transactionPinned() async throws {
        try await TestStoreDatabases.withDatabase(.postgresql) { database in
            let (pids, setting) = try await database.transaction { db in
                var pids: [Int] = []
                for _ in 0..<5 {
                    pids.append(try await db.raw("SELECT pg_backend_pid() AS pid").first()!.decode(column: "pid", as: Int.self))
                }
                try await db.raw("SET LOCAL application_name = 'pinned'").run()
                let name = try await db.raw("SHOW application_name").first()?.decode(column: "application_name", as: String.self)
                return (pids, name)
            }
            #expect(Set(pids).count == 1)
            #expect(setting == "pinned")
        }
    }

    @Test("the tables get PostgreSQL's types: BIGINT times, DOUBLE PRECISION prices, identity ids", onPostgres)
    func columnTypes() async throws {
        try await TestStoreDatabases.withStore(.postgresql) { store in
            let rows = try await store.database.read { db in
                try await db.raw("""
                    SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name IN ('daily_bars', 'factor_configurations')
                    AND column_name IN ('bar_time', 'open', 'volume', 'amount', 'id', 'code')
                    ORDER BY table_name, column_name
                    """).all()
                    .map { row in
                        [try row.decode(column: "table_name", as: String.self), try row.decode(column: "column_name", as: String.self),
                         try row.decode(column: "data_type", as: String.self), try row.decode(column: "is_identity", as: String.self)]
                    }
            }
            #expect(rows == [
                ["daily_bars", "amount", "double precision", "NO"],
                ["daily_bars", "bar_time", "bigint", "NO"],
                ["daily_bars", "code", "text", "NO"],
                ["daily_bars", "open", "double precision", "NO"],
                ["daily_bars", "volume", "bigint", "NO"],
                ["factor_configurations", "id", "bigint", "YES"],
            ])
        }
    }

    @Test("a store in its own schema sees only its own tables", onPostgres)
    func schemasIsolate() async throws {
        try await TestStoreDatabases.withStore(.postgresql) { first in
            try await first.save(StoreFixtures.marketData())
            try await TestStoreDatabases.withStore(.postgresql) { second async throws in
                #expect(try await second.load().series.isEmpty)
                #expect(second.location != first.location)
            }
            #expect(sameData(try await first.load(), StoreFixtures.marketData()))
        }
    }
}
