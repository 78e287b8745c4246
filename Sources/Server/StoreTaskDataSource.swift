import HuiceCore
import Runtime
import Service
import Storage

/// The inputs of one backtest task read from the server's store: the stock's (and the
/// benchmark's) bars through the task's last day, and the stock's stored factor values (all
/// vintages; the factor strategy serves them point in time, so later publications are never
/// seen early).
public struct StoreTaskDataSource: TaskDataSource {
    let store: MarketDataStore

    public init(store: MarketDataStore) { self.store = store }

    public func inputs(for stock: StockCode, benchmark: StockCode?, through end: TradingDay) async throws -> BacktestInputs {
        let codes = [stock] + (benchmark.map { [$0] } ?? [])
        let data = try await store.load(codes: codes, to: end)
        let factors = try await store.loadFactors(codes: [stock])
        return BacktestInputs(data: data, factors: factors.observations.isEmpty ? nil : factors)
    }
}
