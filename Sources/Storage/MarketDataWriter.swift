import HuiceCore
import MarketData
import SQLKit

/// Writes a `MarketDataSet`: bars and the reference tables, batched ~1,000 rows a statement with
/// bound parameters through `Engine` (SQLite's raw binds or SQLKit's). See `SaveMode` for the
/// merge rules. The caller runs `write` inside one transaction, so a failure leaves the store
/// exactly as it was.
struct MarketDataWriter<Engine: BatchEngine> {
    let engine: Engine
    var hooks: SaveHooks = .none
    var rowsPerStatement = InsertStatement.batchRows

    private var db: any SQLDatabase { engine.db }

    func write(_ set: MarketDataSet, mode: SaveMode) async throws {
        let cache = StatementCache(db: db)
        let merging = mode == .merge
        if !merging {
            for table in StoreTable.all { try await db.delete(from: table).run() }
        }
        try await writeCalendar(set.calendar, cache: cache)
        try await writeInstruments(set.instruments, merging: merging, cache: cache)
        try await writeBars(set.series, merging: merging, cache: cache)
        try await writeAdjustments(set.adjustments, merging: merging, cache: cache)
        try await writeLimits(set.limits, merging: merging, cache: cache)
        try await writeSuspensions(set.suspensions, cache: cache)
    }

    private func inserter(_ statement: InsertStatement, _ cache: StatementCache) -> BatchInserter<Engine> {
        BatchInserter(statement, engine: engine, cache: cache, hooks: hooks, rowsPerStatement: rowsPerStatement)
    }

    private func writeCalendar(_ calendar: TradingCalendar?, cache: StatementCache) async throws {
        guard let calendar else { return }
        let batch = inserter(InsertStatement(table: StoreTable.calendar, columns: ["trade_date"],
                                             conflict: .ignore(key: ["trade_date"])), cache)
        for day in calendar.days {
            batch.append(Int(day.yyyymmdd))
            try await batch.endRow()
        }
        try await batch.finish()
    }

    private func writeInstruments(_ instruments: [StockCode: Instrument], merging: Bool,
                                  cache: StatementCache) async throws {
        guard !instruments.isEmpty else { return }
        let codes = instruments.keys.sorted()
        let columns = ["code", "name", "board", "industry", "list_date", "delist_date"]
        let rows = inserter(InsertStatement(
            table: StoreTable.instruments, columns: columns,
            conflict: merging ? .overwrite(key: ["code"], columns: Array(columns.dropFirst())) : .fail), cache)
        for code in codes {
            let instrument = instruments[code]!
            rows.append(code.storageText)
            rows.append(instrument.name)
            rows.append(instrument.board.rawValue)
            rows.append(instrument.industry)
            rows.append(instrument.listDate.map { Int($0.yyyymmdd) })
            rows.append(instrument.delistDate.map { Int($0.yyyymmdd) })
            try await rows.endRow()
        }
        try await rows.finish()

        if merging {  // an imported instrument's ST periods replace the stored ones
            for chunk in codes.map(\.storageText).chunked(into: 500) {
                try await db.delete(from: StoreTable.stPeriods).where("code", .in, Array(chunk)).run()
            }
        }
        let periods = inserter(InsertStatement(table: StoreTable.stPeriods,
                                               columns: ["code", "start_date", "end_date"], conflict: .fail), cache)
        for code in codes {
            let text = code.storageText
            for period in instruments[code]!.specialTreatment {
                periods.append(text)
                periods.append(Int(period.start.yyyymmdd))
                periods.append(period.end.map { Int($0.yyyymmdd) })
                try await periods.endRow()
            }
        }
        try await periods.finish()
    }

    private func writeBars(_ series: [StockCode: BarSeries], merging: Bool, cache: StatementCache) async throws {
        let columns = ["code", "bar_time", "open", "high", "low", "close", "pre_close", "volume", "amount"]
        let batch = inserter(InsertStatement(
            table: StoreTable.bars, columns: columns,
            conflict: merging ? .overwrite(key: ["code", "bar_time"], columns: Array(columns.dropFirst(2))) : .fail),
            cache)
        for code in series.keys.sorted() {
            let bars = series[code]!
            let text = code.storageText
            for i in 0..<bars.count {
                batch.append(text)
                batch.append(Int(bars.times[i].rawValue))
                batch.append(bars.open[i].doubleValue)
                batch.append(bars.high[i].doubleValue)
                batch.append(bars.low[i].doubleValue)
                batch.append(bars.close[i].doubleValue)
                let preClose = bars.preClose[i]
                batch.append(preClose == .zero ? nil : preClose.doubleValue)
                batch.append(Int(bars.volume[i]))
                let amount = bars.amount[i]
                batch.append(amount == BarSeries.unknownAmount ? nil : amount.yuan)
                try await batch.endRow()
            }
        }
        try await batch.finish()
    }

    private func writeAdjustments(_ adjustments: [StockCode: AdjustmentFactors], merging: Bool,
                                  cache: StatementCache) async throws {
        let batch = inserter(InsertStatement(
            table: StoreTable.adjustments, columns: ["code", "trade_date", "factor"],
            conflict: merging ? .overwrite(key: ["code", "trade_date"], columns: ["factor"]) : .fail), cache)
        for code in adjustments.keys.sorted() {
            let factors = adjustments[code]!
            let text = code.storageText
            for i in 0..<factors.count {
                batch.append(text)
                batch.append(Int(factors.days[i].yyyymmdd))
                batch.append(factors.factors[i])
                try await batch.endRow()
            }
        }
        try await batch.finish()
    }

    private func writeLimits(_ limits: PriceLimitTable, merging: Bool, cache: StatementCache) async throws {
        let batch = inserter(InsertStatement(
            table: StoreTable.limits, columns: ["code", "trade_date", "up_limit", "down_limit"],
            conflict: merging ? .overwriteNonNull(key: ["code", "trade_date"], columns: ["up_limit", "down_limit"])
                              : .fail), cache)
        for code in limits.codes {
            let text = code.storageText
            for (day, entry) in limits.entries(for: code) {
                batch.append(text)
                batch.append(Int(day.yyyymmdd))
                batch.append(entry.up.map(\.doubleValue))
                batch.append(entry.down.map(\.doubleValue))
                try await batch.endRow()
            }
        }
        try await batch.finish()
    }

    private func writeSuspensions(_ suspensions: SuspensionTable, cache: StatementCache) async throws {
        let batch = inserter(InsertStatement(table: StoreTable.suspensions, columns: ["code", "trade_date"],
                                             conflict: .ignore(key: ["code", "trade_date"])), cache)
        for code in suspensions.codes {
            let text = code.storageText
            for day in suspensions.days(for: code) {
                batch.append(text)
                batch.append(Int(day.yyyymmdd))
                try await batch.endRow()
            }
        }
        try await batch.finish()
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
