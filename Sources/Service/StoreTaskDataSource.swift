import HuiceCore
import MarketData
import Runtime
import Storage

/// Task inputs from a `MarketDataStore`: only the task's stock and the benchmark are read, and only
/// that stock's factor values, so a task costs its own data, not the whole store.
public struct StoreTaskDataSource: TaskDataSource {
    public let store: MarketDataStore

    public init(store: MarketDataStore) {
        self.store = store
    }

    public func inputs(for stock: StockCode, benchmark: StockCode?, through end: TradingDay) async throws -> BacktestInputs {
        let codes = [stock] + (benchmark.map { [$0] } ?? [])
        let data = try await store.load(codes: codes, to: end)
        let factors = try await store.loadFactors(codes: [stock])
        return BacktestInputs(data: data, factors: factors.observations.isEmpty ? nil : factors)
    }
}
