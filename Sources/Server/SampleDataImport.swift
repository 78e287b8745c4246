import Factors
import Foundation
import Logging
import MarketData
import Runtime
import Storage

/// Fills a new default store with the bundled sample (so a fresh `huice serve` can run a batch at
/// once): the market data of `SampleDataSet.dataDirectory` and the factor files of
/// `SampleDataSet.factorFiles`, each saved in one transaction.
enum SampleDataImport {
    /// Imports the sample when `store` holds no bars; a store with data is left alone. Returns
    /// whether it imported.
    @discardableResult
    static func importIfEmpty(into store: MarketDataStore, logger: Logger) async throws -> Bool {
        guard try await store.summary().stocks.isEmpty else { return false }
        let start = ContinuousClock.now
        let market = try await MarketDataLoader().load(path: SampleDataSet.dataDirectory).data
        try await store.save(market)
        let factors = try FactorDataImporter.importFiles(SampleDataSet.factorFiles)
        try await store.saveFactors(factors)
        let summary = try await store.summary()
        let elapsed = ContinuousClock.now - start
        logger.info("imported the bundled sample data into an empty store", metadata: [
            "module": "serve",
            "stocks": .stringConvertible(summary.stocks.count),
            "bars": .stringConvertible(summary.stocks.reduce(0) { $0 + $1.barCount }),
            "factor_values": .stringConvertible(summary.factorValues),
            "execution_time": .stringConvertible(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
        ])
        return true
    }
}
