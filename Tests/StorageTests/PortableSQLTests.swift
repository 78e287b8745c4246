import Foundation
import PostgresKit
import Testing
@testable import Storage

/// The schema and bulk statements rendered with postgres-kit's dialect, no server needed (a
/// recording database): the exact SQL PostgreSQL gets, with no SQLite-only syntax. The store
/// tests run the same statements against a real server when HUICE_TEST_POSTGRES_URL is set.
@Suite("Portable SQL")
struct PortableSQLTests {
    @Test("schema v1 renders PostgreSQL types and no WITHOUT ROWID")
    func schemaOnPostgres() async throws {
        let recorder = RecordingDatabase()
        try await CreateMarketDataTables().prepare(on: recorder)

        let statements = recorder.statements
        #expect(statements.count == 7)
        #expect(!statements.joined().contains("WITHOUT ROWID"))
        let bars = try #require(statements.first { $0.contains("\"daily_bars\"") })
        #expect(bars == """
            CREATE TABLE "daily_bars" ("code" TEXT NOT NULL, "bar_time" BIGINT NOT NULL, \
            "open" DOUBLE PRECISION NOT NULL, "high" DOUBLE PRECISION NOT NULL, "low" DOUBLE PRECISION NOT NULL, \
            "close" DOUBLE PRECISION NOT NULL, "pre_close" DOUBLE PRECISION, "volume" BIGINT NOT NULL, \
            "amount" DOUBLE PRECISION, PRIMARY KEY ("code", "bar_time"))
            """)
    }

    @Test("batch upserts render with numbered PostgreSQL placeholders")
    func upsertOnPostgres() {
        let limits = InsertStatement(table: "price_limits", columns: ["code", "trade_date", "up_limit", "down_limit"],
                                     conflict: .overwriteNonNull(key: ["code", "trade_date"],
                                                                 columns: ["up_limit", "down_limit"]))
        #expect(limits.sql(rows: 2, on: RecordingDatabase()) == """
            INSERT INTO "price_limits" ("code", "trade_date", "up_limit", "down_limit") \
            VALUES ($1, $2, $3, $4), ($5, $6, $7, $8) ON CONFLICT ("code", "trade_date") DO UPDATE SET \
            "up_limit" = COALESCE(EXCLUDED."up_limit", "price_limits"."up_limit"), \
            "down_limit" = COALESCE(EXCLUDED."down_limit", "price_limits"."down_limit")
            """)
    }

    @Test("on SQLite the same statements use anonymous placeholders")
    func upsertOnSQLite() async throws {
        let database = try await SQLiteStoreDatabase.open(path: ":memory:")
        let suspensions = InsertStatement(table: "suspensions", columns: ["code", "trade_date"],
                                          conflict: .ignore(key: ["code", "trade_date"]))
        let sql = try await database.withConnection { db in suspensions.sql(rows: 2, on: db) }
        try await database.close()
        #expect(sql == """
            INSERT INTO "suspensions" ("code", "trade_date") VALUES (?, ?), (?, ?) \
            ON CONFLICT ("code", "trade_date") DO NOTHING
            """)
    }

    @Test("a PostgreSQL writer locks the tables it writes; SQLite's BEGIN IMMEDIATE already does")
    func tableLocks() async throws {
        let recorder = RecordingDatabase()
        let database = RecordingStoreDatabase(db: recorder)
        try await database.transaction(locking: ["factor_configurations", "factor_config_sequence"]) { _ in }
        #expect(recorder.statements == [
            "BEGIN",
            #"LOCK TABLE "factor_configurations", "factor_config_sequence" IN SHARE ROW EXCLUSIVE MODE"#,
            "COMMIT",
        ])
    }
}

/// Records the SQL it is asked to run, rendered with postgres-kit's `PostgresDialect`, and
/// returns no rows.
final class RecordingDatabase: SQLDatabase, @unchecked Sendable {
    let eventLoop: any EventLoop = PostgresConnection.defaultEventLoopGroup.any()
    let logger = Logger(label: "recording")
    let dialect: any SQLDialect = PostgresDialect()
    let queryLogLevel: Logger.Level? = nil
    private let lock = NSLock()
    private var recorded: [String] = []

    var statements: [String] { lock.withLock { recorded } }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let (sql, _) = serialize(query)
        lock.withLock { recorded.append(sql) }
        return eventLoop.makeSucceededVoidFuture()
    }
}

/// A `StoreDatabase` over one recording connection, with the protocol's default transaction.
struct RecordingStoreDatabase: StoreDatabase {
    let db: RecordingDatabase
    var dialectName: String { db.dialect.name }
    var location: String { "recording" }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await body(db)
    }

    func close() async throws {}
}
