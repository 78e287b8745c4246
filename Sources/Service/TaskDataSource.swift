import HuiceCore
import MarketData
import Runtime

/// Where a task's market data and factor values come from: one stock (and the benchmark) at a time.
public protocol TaskDataSource: Sendable {
    /// The inputs of a backtest of `stock` up to `end`: its bars (from its first one, so indicators
    /// have their history), the benchmark's when given, the calendar, and its stored factor values.
    func inputs(for stock: StockCode, benchmark: StockCode?, through end: TradingDay) async throws -> BacktestInputs
}
