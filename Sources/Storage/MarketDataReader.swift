import HuiceCore
import MarketData
import SQLiteKit

/// What `load` reads: optional code list and inclusive day range.
struct LoadFilter: Sendable {
    /// Storage texts of the codes, sorted; nil = every code.
    var codes: [String]?
    var from: TradingDay?
    var to: TradingDay?

    /// Codes per `IN (…)` list, well under every database's bound-parameter limit.
    static let codesPerQuery = 500
}

/// Reads the store back into a `MarketDataSet`. Queries are built with SQLKit (so they render in
/// the database's dialect); values are decoded by hand from the rows `RowReader` hands over (raw
/// SQLiteNIO values on SQLite, not Codable). Bars on SQLite take `barPath`; on other engines they
/// come as rows.
struct MarketDataReader {
    let rows: RowReader
    var barPath: BarReadPath = .collectingFunction

    private var db: any SQLDatabase { rows.db }

    func load(_ filter: LoadFilter) async throws -> MarketDataSet {
        var set = MarketDataSet()
        set.calendar = try await calendar()
        set.series = try await bars(filter)
        set.instruments = try await instruments(filter)
        set.adjustments = try await adjustments(filter)
        set.limits = try await limits(filter)
        set.suspensions = try await suspensions(filter)
        return set
    }

    // MARK: Tables

    func calendar() async throws -> TradingCalendar? {
        let collector = RowCollector<[TradingDay]>(table: StoreTable.calendar, [])
        try await rows.collect(db.select().column("trade_date").from(StoreTable.calendar).orderBy("trade_date"),
                               into: collector) {
            $0.value.append(try $0.day($1, "trade_date"))
        }
        let days = try collector.result()
        return days.isEmpty ? nil : TradingCalendar(ascendingDays: days)
    }

    /// Bars of the filter's codes and days. See `BarReadPath` for the two ways of reading them.
    func bars(_ filter: LoadFilter) async throws -> [StockCode: BarSeries] {
        let collector = BarCollector()
        let columns = BarCollector.columns
        guard let connection = rows.sqlite else {
            try await forEachCodeChunk(filter) { chunk in
                let query = barsFiltered(db.select().columns(columns).from(StoreTable.bars), chunk, filter)
                try await rows.forEachRow(query.orderBy("code").orderBy("bar_time")) { collector.consume($0) }
            }
            return try collector.finish()
        }
        switch barPath {
        case .rows:
            try await forEachCodeChunk(filter) { chunk in
                let query = barsFiltered(db.select().columns(columns).from(StoreTable.bars), chunk, filter)
                try await execute(query.orderBy("code").orderBy("bar_time"), on: connection) { row in
                    collector.consume(row.columns.map(\.data))
                }
            }
        case .collectingFunction:
            let name = "huice_collect_bar"
            let function = SQLiteCustomFunction(name, argumentCount: Int32(columns.count)) { values in
                collector.consume(values)
                return nil
            }
            try await connection.install(customFunction: function)
            do {
                try await forEachCodeChunk(filter) { chunk in
                    let collect = SQLFunction("count", args: SQLFunction(name, args: columns.map { SQLColumn($0) }))
                    let query = barsFiltered(db.select().column(collect, as: "n").from(StoreTable.bars), chunk, filter)
                    try await execute(query, on: connection) { _ in }
                }
            } catch {
                try? await connection.uninstall(customFunction: function)
                throw error
            }
            try await connection.uninstall(customFunction: function)
        }
        return try collector.finish()
    }

    private func barsFiltered(_ query: SQLSelectBuilder, _ chunk: [String]?, _ filter: LoadFilter) -> SQLSelectBuilder {
        if let chunk { query.where("code", .in, chunk) }
        if let from = filter.from { query.where("bar_time", .greaterThanOrEqual, BarTime(day: from).rawValue) }
        if let to = filter.to {
            query.where("bar_time", .lessThanOrEqual, BarTime(day: to, hour: 23, minute: 59, second: 59).rawValue)
        }
        return query
    }

    func instruments(_ filter: LoadFilter) async throws -> [StockCode: Instrument] {
        let table = StoreTable.instruments
        let collector = RowCollector<[StockCode: Instrument]>(table: table, [:])
        let periods = RowCollector<[StockCode: [SpecialTreatmentPeriod]]>(table: StoreTable.stPeriods, [:])
        try await forEachCodeChunk(filter) { chunk in
            let query = db.select()
                .columns("code", "name", "board", "industry", "list_date", "delist_date").from(table)
            if let chunk { query.where("code", .in, chunk) }
            try await rows.collect(query.orderBy("code"), into: collector) { c, row in
                let code = try c.code(row)
                guard let board = Board(rawValue: try c.text(row, "board")) else { throw c.failure("board", row) }
                c.value[code] = Instrument(
                    code: code, name: try c.text(row, "name"), board: board, industry: try c.text(row, "industry"),
                    listDate: try c.optionalDay(row, "list_date"), delistDate: try c.optionalDay(row, "delist_date"))
            }
            let st = db.select().columns("code", "start_date", "end_date").from(StoreTable.stPeriods)
            if let chunk { st.where("code", .in, chunk) }
            try await rows.collect(st.orderBy("code").orderBy("start_date"), into: periods) { c, row in
                c.value[try c.code(row), default: []].append(SpecialTreatmentPeriod(
                    start: try c.day(row, "start_date"), end: try c.optionalDay(row, "end_date")))
            }
        }
        var result = try collector.result()
        for (code, list) in try periods.result() {
            result[code, default: Instrument(code: code)].specialTreatment = list
        }
        return result
    }

    /// Factors of days in the range, plus each code's last factor before `from` (the one still
    /// in force on `from`, so `factor(on:)` answers the same for every day in the range).
    func adjustments(_ filter: LoadFilter) async throws -> [StockCode: AdjustmentFactors] {
        let table = StoreTable.adjustments
        let collector = RowCollector<[StockCode: AdjustmentFactors]>(table: table, [:])
        try await forEachCodeChunk(filter) { chunk in
            let query = db.select().columns("code", "trade_date", "factor").from(table)
            if let chunk { query.where("code", .in, chunk) }
            if let from = filter.from {
                let day = Int(from.yyyymmdd)
                let lastBefore: SQLQueryString = """
                    (SELECT MAX(\(ident: "prior").\(ident: "trade_date")) FROM \(ident: table) \(ident: "prior") \
                    WHERE \(ident: "prior").\(ident: "code") = \(ident: table).\(ident: "code") \
                    AND \(ident: "prior").\(ident: "trade_date") < \(bind: day))
                    """
                query.where(group: {
                    $0.where("trade_date", .greaterThanOrEqual, day)
                        .orWhere(SQLColumn("trade_date"), .equal, lastBefore)
                })
            }
            if let to = filter.to { query.where("trade_date", .lessThanOrEqual, Int(to.yyyymmdd)) }
            try await rows.collect(query.orderBy("code").orderBy("trade_date"), into: collector) { c, row in
                let code = try c.code(row)
                c.value[code, default: AdjustmentFactors(code: code)]
                    .append(try c.day(row, "trade_date"), try c.double(row, "factor"))
            }
        }
        return try collector.result()
    }

    func limits(_ filter: LoadFilter) async throws -> PriceLimitTable {
        let table = StoreTable.limits
        let collector = RowCollector<PriceLimitTable>(table: table, PriceLimitTable())
        try await forEachCodeChunk(filter) { chunk in
            let query = dayFiltered(db.select().columns("code", "trade_date", "up_limit", "down_limit").from(table),
                                    chunk, filter)
            try await rows.collect(query.orderBy("code").orderBy("trade_date"), into: collector) { c, row in
                c.value.set(try c.code(row), try c.day(row, "trade_date"),
                            up: try c.optionalPrice(row, "up_limit"), down: try c.optionalPrice(row, "down_limit"))
            }
        }
        return try collector.result()
    }

    func suspensions(_ filter: LoadFilter) async throws -> SuspensionTable {
        let table = StoreTable.suspensions
        let collector = RowCollector<SuspensionTable>(table: table, SuspensionTable())
        try await forEachCodeChunk(filter) { chunk in
            let query = dayFiltered(db.select().columns("code", "trade_date").from(table), chunk, filter)
            try await rows.collect(query.orderBy("code").orderBy("trade_date"), into: collector) { c, row in
                c.value.add(try c.code(row), try c.day(row, "trade_date"))
            }
        }
        return try collector.result()
    }

    // MARK: Plumbing

    private func dayFiltered(_ query: SQLSelectBuilder, _ chunk: [String]?, _ filter: LoadFilter) -> SQLSelectBuilder {
        if let chunk { query.where("code", .in, chunk) }
        if let from = filter.from { query.where("trade_date", .greaterThanOrEqual, Int(from.yyyymmdd)) }
        if let to = filter.to { query.where("trade_date", .lessThanOrEqual, Int(to.yyyymmdd)) }
        return query
    }

    /// Calls `body` once with nil (no code filter) or once per chunk of the filter's codes.
    private func forEachCodeChunk(_ filter: LoadFilter, _ body: ([String]?) async throws -> Void) async throws {
        guard let codes = filter.codes else { return try await body(nil) }
        for chunk in codes.chunked(into: LoadFilter.codesPerQuery) { try await body(Array(chunk)) }
    }

    /// Runs a query on SQLite and hands each raw row to `onRow`, on the thread that steps the statement.
    private func execute(_ query: SQLSelectBuilder, on connection: SQLiteConnection,
                         _ onRow: @escaping @Sendable (SQLiteRow) -> Void) async throws {
        let (sql, binds) = db.serialize(query.query)
        let encoder = SQLiteDataEncoder()
        let data = try binds.map { try encoder.encode($0) }
        try await connection.query(sql, data, onRow)
    }
}

/// How bars are read from SQLite (other engines read rows).
///
/// SQLiteNIO hands each result row over as a freshly allocated `SQLiteRow`, taking the
/// connection's mutex (the connection is opened `SQLITE_OPEN_FULLMUTEX`) for every column of every
/// row: with nine columns that costs ~1.3 µs a row, ~0.75 M rows/s before any decoding on the
/// reference machine. Passing the columns to a Swift function inside the statement instead
/// (`SELECT count(huice_collect_bar(code, …)) FROM daily_bars WHERE …`) reads the values straight
/// from SQLite's registers, about twice as fast. Both decode the same `[SQLiteData]` by position.
enum BarReadPath: Sendable, CaseIterable {
    /// A result row per bar, ordered by (code, bar_time).
    case rows
    /// A registered SQL function collects every bar; the statement returns one row.
    case collectingFunction
}
