import Foundation
import HuiceCore
import MarketData
import SQLiteKit

/// The embedded market-data store: one SQLite file (or `:memory:`) through SQLiteNIO and SQLKit.
///
/// Opening migrates the schema (`MarketDataSchema`). `save` writes a whole `MarketDataSet` in one
/// transaction; `load` reads it back with raw rows and manual decoding. Operations are serialised
/// (one connection, FIFO), so the store can be shared between tasks. Call `close()` when done.
public final class MarketDataStore: Sendable {
    /// The file path, or `:memory:`.
    public let path: String
    /// The store's connections, for the repositories that share it (factor configs, tasks).
    public let database: SQLiteStoreDatabase
    var connection: SQLiteConnection { database.connection }
    /// The same connection through SQLKit, for portable statements.
    let db: any SQLDatabase

    private init(database: SQLiteStoreDatabase) {
        path = database.path
        self.database = database
        db = database.connection.sql(queryLogLevel: nil)
    }

    /// Opens the store at `path`, creating the file (and its directory) when missing, and applies
    /// the schema migrations it lacks. `":memory:"` opens a private in-memory store (for tests).
    ///
    /// A file store uses `journal_mode=WAL` and `synchronous=NORMAL`: readers never block the
    /// writer, and a crash loses at most the last transactions, never consistency. Every store
    /// gets a 64 MiB page cache and `secure_delete=OFF` (SQLiteNIO compiles it on; zeroing freed
    /// pages only slows re-imports of public market data). See `SQLiteStoreDatabase`.
    public static func open(path: String) async throws -> MarketDataStore {
        let database = try await SQLiteStoreDatabase.open(path: path)
        do {
            try await database.migrate()
        } catch {
            try? await database.close()
            throw StorageError(file: path, reason: "cannot migrate the store: \(error)")
        }
        return MarketDataStore(database: database)
    }

    /// Saves `set` atomically (one transaction: on any failure nothing lands). See `SaveMode` for
    /// how it combines with the stored data; bars are written 1,000 rows a statement.
    public func save(_ set: MarketDataSet, mode: SaveMode = .merge) async throws {
        try await save(set, mode: mode, hooks: .none)
    }

    func save(_ set: MarketDataSet, mode: SaveMode, hooks: SaveHooks,
              rowsPerStatement: Int = InsertStatement.batchRows) async throws {
        try await exclusive {
            let writer = MarketDataWriter(connection: self.connection, db: self.db, hooks: hooks,
                                          rowsPerStatement: rowsPerStatement)
            try await writer.save(set, mode: mode)
        }
    }

    /// Reads the stored data back: bars of `codes` (all when nil) with times on days `from...to`
    /// (either end open when nil), ordered by time; the instruments (with ST periods), price
    /// limits and suspensions of those codes in that range; their adjustment factors in the
    /// range plus the last one before `from` (so `factor(on:)` is right throughout); and the
    /// whole trading calendar (nil when none is stored).
    public func load(codes: [StockCode]? = nil, from: TradingDay? = nil, to: TradingDay? = nil) async throws
        -> MarketDataSet
    {
        try await load(LoadFilter(codes: codes.map { Array(Set($0.map(\.storageText))).sorted() }, from: from, to: to))
    }

    func load(_ filter: LoadFilter, barPath: BarReadPath = .collectingFunction) async throws -> MarketDataSet {
        try await exclusive {
            try await MarketDataReader(connection: self.connection, db: self.db, barPath: barPath).load(filter)
        }
    }

    /// Per-code bar counts and first/last bar times, and the reference tables' and factor values' sizes.
    public func summary() async throws -> StoreSummary {
        try await exclusive {
            let rows = try await self.db.select()
                .column("code")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "bars")
                .column(SQLFunction("MIN", args: SQLColumn("bar_time")), as: "first_time")
                .column(SQLFunction("MAX", args: SQLColumn("bar_time")), as: "last_time")
                .from(StoreTable.bars).groupBy("code").orderBy("code")
                .all()
            let stocks = try rows.map { row in
                let text = try row.decode(column: "code", as: String.self)
                guard let code = StockCode(normalizing: text),
                      let first = BarTime(rawValue: try row.decode(column: "first_time", as: Int64.self)),
                      let last = BarTime(rawValue: try row.decode(column: "last_time", as: Int64.self))
                else { throw StorageError(file: self.path, table: StoreTable.bars, stock: text, reason: "unreadable row") }
                return StoreSummary.Stock(code: code, barCount: try row.decode(column: "bars", as: Int.self),
                                          firstTime: first, lastTime: last)
            }
            return StoreSummary(
                stocks: stocks,
                calendarDays: try await self.count(StoreTable.calendar),
                instruments: try await self.count(StoreTable.instruments),
                adjustmentFactors: try await self.count(StoreTable.adjustments),
                priceLimits: try await self.count(StoreTable.limits),
                suspensions: try await self.count(StoreTable.suspensions),
                factorValues: try await self.count(StoreTable.factorValues),
                schemaVersion: try await SchemaMigrator.appliedVersions(self.db).last ?? 0)
        }
    }

    /// The applied schema versions, ascending.
    public func schemaVersions() async throws -> [Int] {
        try await exclusive { try await SchemaMigrator.appliedVersions(self.db) }
    }

    /// Closes the connections; later calls throw. Closing twice is harmless.
    public func close() async throws {
        try await database.close()
    }

    func count(_ table: String) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Runs `body` alone on the connection, failing when the store is closed.
    func exclusive<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await database.exclusive(body)
    }
}
