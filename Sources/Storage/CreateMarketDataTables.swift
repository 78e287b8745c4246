import SQLKit

/// Schema v1: the market-data tables.
///
/// Dates are `yyyymmdd` integers, `bar_time` the raw `BarTime` (`yyyymmddHHMMSS`), prices yuan as
/// DOUBLE PRECISION (read back with `Price(rounding:)`, exact for four-decimal prices), `amount`
/// yuan (NULL = unknown), `pre_close` NULL when the source had none. On SQLite the keyed tables
/// are `WITHOUT ROWID`, so rows are stored clustered by (code, time) and a bulk load is one scan.
struct CreateMarketDataTables: SchemaMigration {
    let version = 1
    let name = "create market data tables"

    func prepare(on db: any SQLDatabase) async throws {
        let sqlite = db.dialect.name == "sqlite"

        try await db.create(table: StoreTable.calendar)
            .column("trade_date", type: PortableType.date, .primaryKey(autoIncrement: false))
            .run()

        try await db.create(table: StoreTable.instruments)
            .column("code", type: PortableType.text, .primaryKey(autoIncrement: false))
            .column("name", type: PortableType.text, .notNull)
            .column("board", type: PortableType.text, .notNull)
            .column("industry", type: PortableType.text, .notNull)
            .column("list_date", type: PortableType.date)
            .column("delist_date", type: PortableType.date)
            .run()

        try await create(db.create(table: StoreTable.stPeriods)
            .column("code", type: PortableType.text, .notNull)
            .column("start_date", type: PortableType.date, .notNull)
            .column("end_date", type: PortableType.date)
            .primaryKey("code", "start_date"), on: db, withoutRowID: sqlite)

        try await create(db.create(table: StoreTable.bars)
            .column("code", type: PortableType.text, .notNull)
            .column("bar_time", type: PortableType.bigint, .notNull)
            .column("open", type: PortableType.double, .notNull)
            .column("high", type: PortableType.double, .notNull)
            .column("low", type: PortableType.double, .notNull)
            .column("close", type: PortableType.double, .notNull)
            .column("pre_close", type: PortableType.double)
            .column("volume", type: PortableType.bigint, .notNull)
            .column("amount", type: PortableType.double)
            .primaryKey("code", "bar_time"), on: db, withoutRowID: sqlite)

        try await create(db.create(table: StoreTable.adjustments)
            .column("code", type: PortableType.text, .notNull)
            .column("trade_date", type: PortableType.date, .notNull)
            .column("factor", type: PortableType.double, .notNull)
            .primaryKey("code", "trade_date"), on: db, withoutRowID: sqlite)

        try await create(db.create(table: StoreTable.limits)
            .column("code", type: PortableType.text, .notNull)
            .column("trade_date", type: PortableType.date, .notNull)
            .column("up_limit", type: PortableType.double)
            .column("down_limit", type: PortableType.double)
            .primaryKey("code", "trade_date"), on: db, withoutRowID: sqlite)

        try await create(db.create(table: StoreTable.suspensions)
            .column("code", type: PortableType.text, .notNull)
            .column("trade_date", type: PortableType.date, .notNull)
            .primaryKey("code", "trade_date"), on: db, withoutRowID: sqlite)
    }

    /// Runs a CREATE TABLE, appending SQLite's `WITHOUT ROWID` when asked (guarded by dialect).
    private func create(_ builder: SQLCreateTableBuilder, on db: any SQLDatabase, withoutRowID: Bool) async throws {
        if withoutRowID {
            try await db.raw("\(builder.query) WITHOUT ROWID").run()
        } else {
            try await builder.run()
        }
    }
}

/// Table names of the market-data schema.
enum StoreTable {
    static let calendar = "trading_calendar"
    static let instruments = "instruments"
    static let stPeriods = "st_periods"
    static let bars = "daily_bars"
    static let adjustments = "adj_factors"
    static let limits = "price_limits"
    static let suspensions = "suspensions"
    /// Imported factor values (schema v2). Not in `all`: `save(_:mode: .replace)` replaces market
    /// data and leaves factor values alone; `saveFactors` manages them.
    static let factorValues = "factor_values"

    /// Every market-data table, children before parents (the order `.replace` clears them in).
    static let all = [bars, adjustments, limits, suspensions, stPeriods, instruments, calendar]
}
