import Foundation
import HuiceCore
import MarketData
import SQLiteKit

/// The market-data store: market data, factor values and the other repositories' tables in one
/// SQL database, an embedded SQLite file (the default) or PostgreSQL (`StoreLocation`).
///
/// Opening migrates the schema (`MarketDataSchema`). `save` writes a whole `MarketDataSet` in one
/// transaction; `load` reads it back, decoding rows by hand. The store can be shared between
/// tasks. Call `close()` when done.
///
/// The engines behave alike; they differ in how: on SQLite every operation runs alone on the one
/// writer connection (FIFO), values are bound and read raw through SQLiteNIO, and bars load through
/// a collecting SQL function (`BarReadPath`). On PostgreSQL, writes run through SQLKit on a pooled
/// connection, saves lock the tables they write (so saves take turns as on SQLite), and loads read
/// one snapshot (`StoreDatabase.read`) while saves go on.
public final class MarketDataStore: Sendable {
    /// The store's connections, for the repositories that share it (factor configs, tasks).
    public let database: any StoreDatabase
    /// The SQLite database when the store is one (its fast paths use the raw connection).
    let sqlite: SQLiteStoreDatabase?

    /// Where the store lives: the file path (or `:memory:`), or the PostgreSQL URL without its password.
    public var location: String { database.location }

    private init(database: any StoreDatabase) {
        self.database = database
        sqlite = database as? SQLiteStoreDatabase
    }

    /// Opens the SQLite store at `path`, creating the file (and its directory) when missing, and
    /// applies the schema migrations it lacks. `":memory:"` opens a private in-memory store (for tests).
    ///
    /// A file store uses `journal_mode=WAL` and `synchronous=NORMAL`: readers never block the
    /// writer, and a crash loses at most the last transactions, never consistency. Every store
    /// gets a 64 MiB page cache and `secure_delete=OFF` (SQLiteNIO compiles it on; zeroing freed
    /// pages only slows re-imports of public market data). See `SQLiteStoreDatabase`.
    public static func open(path: String) async throws -> MarketDataStore {
        try await open(location: .sqlite(path: path))
    }

    /// Opens the store at `location` (an SQLite file, created when missing, or a PostgreSQL
    /// database, which must exist) and applies the schema migrations it lacks.
    public static func open(location: StoreLocation) async throws -> MarketDataStore {
        try await open(database: try await openStoreDatabase(location))
    }

    /// Migrates `database` and makes it a store; the store owns it from here (`close()` closes
    /// it, and so does a failed migration).
    public static func open(database: any StoreDatabase) async throws -> MarketDataStore {
        do {
            try await database.migrate()
        } catch {
            try? await database.close()
            throw StorageError(file: database.location, reason: "cannot migrate the store: \(StorageError.message(of: error))")
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
        let connection = sqlite?.connection
        try await database.transaction(locking: StoreTable.all) { db in
            if let connection {
                try await MarketDataWriter(engine: SQLiteBatchEngine(connection: connection), hooks: hooks,
                                           rowsPerStatement: rowsPerStatement).write(set, mode: mode)
            } else {
                try await MarketDataWriter(engine: SQLKitBatchEngine(db: db), hooks: hooks,
                                           rowsPerStatement: rowsPerStatement).write(set, mode: mode)
            }
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
        try await reading { rows in try await MarketDataReader(rows: rows, barPath: barPath).load(filter) }
    }

    /// Per-code bar counts and first/last bar times, and the reference tables' and factor values' sizes.
    public func summary() async throws -> StoreSummary {
        let location = location
        return try await database.read { db in
            let rows = try await db.select()
                .column("code")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "bars")
                .column(SQLFunction("MIN", args: SQLColumn("bar_time")), as: "first_time")
                .column(SQLFunction("MAX", args: SQLColumn("bar_time")), as: "last_time")
                .from(StoreTable.bars).groupBy("code")
                .all()
            let stocks = try rows.map { row in
                let text = try row.decode(column: "code", as: String.self)
                guard let code = StockCode(normalizing: text),
                      let first = BarTime(rawValue: try row.decode(column: "first_time", as: Int64.self)),
                      let last = BarTime(rawValue: try row.decode(column: "last_time", as: Int64.self))
                else { throw StorageError(file: location, table: StoreTable.bars, stock: text, reason: "unreadable row") }
                return (text, StoreSummary.Stock(code: code, barCount: try row.decode(column: "bars", as: Int.self),
                                                 firstTime: first, lastTime: last))
            }
            // Sorted here by the code text: an ORDER BY on PostgreSQL would follow the database's collation.
            return StoreSummary(
                stocks: stocks.sorted { $0.0 < $1.0 }.map(\.1),
                calendarDays: try await Self.count(StoreTable.calendar, on: db),
                instruments: try await Self.count(StoreTable.instruments, on: db),
                adjustmentFactors: try await Self.count(StoreTable.adjustments, on: db),
                priceLimits: try await Self.count(StoreTable.limits, on: db),
                suspensions: try await Self.count(StoreTable.suspensions, on: db),
                factorValues: try await Self.count(StoreTable.factorValues, on: db),
                schemaVersion: try await SchemaMigrator.appliedVersions(db).last ?? 0)
        }
    }

    /// Per code, how many bars fall on the days `from` through `through` (both inclusive): the
    /// stock list counts suspended sessions inside the stored calendar with it when a stock's
    /// bars reach beyond the calendar. Codes without such bars are absent.
    public func barCounts(from: TradingDay, through: TradingDay) async throws -> [StockCode: Int] {
        let location = location
        let lower = BarTime(day: from).rawValue, upper = BarTime(day: through.adding(days: 1)).rawValue
        return try await database.read { db in
            let rows = try await db.select()
                .column("code")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "bars")
                .from(StoreTable.bars)
                .where("bar_time", .greaterThanOrEqual, SQLBind(lower))
                .where("bar_time", .lessThan, SQLBind(upper))
                .groupBy("code")
                .all()
            var counts: [StockCode: Int] = [:]
            for row in rows {
                let text = try row.decode(column: "code", as: String.self)
                guard let code = StockCode(normalizing: text) else {
                    throw StorageError(file: location, table: StoreTable.bars, stock: text, reason: "unreadable code")
                }
                counts[code] = try row.decode(column: "bars", as: Int.self)
            }
            return counts
        }
    }

    /// The applied schema versions, ascending.
    public func schemaVersions() async throws -> [Int] {
        try await database.read { db in try await SchemaMigrator.appliedVersions(db) }
    }

    /// Closes the connections; later calls throw. Closing twice is harmless.
    public func close() async throws {
        try await database.close()
    }

    static func count(_ table: String, on db: any SQLDatabase) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Runs a multi-query read with a `RowReader`: on SQLite alone on the writer connection (the
    /// bar path installs a function on it), elsewhere in one read snapshot.
    func reading<T: Sendable>(_ body: @escaping @Sendable (RowReader) async throws -> T) async throws -> T {
        if let connection = sqlite?.connection {
            return try await database.withConnection { db in try await body(RowReader(db: db, sqlite: connection)) }
        }
        return try await database.read { db in try await body(RowReader(db: db, sqlite: nil)) }
    }
}
