import HuiceCore
import MarketData

extension MarketDataStore {
    /// The instrument list (name, board, industry, listing dates, ST periods) of every stored
    /// instrument, without bars: a stock list needs names for thousands of codes, and `load()`
    /// would read all their bars to get them.
    public func instruments() async throws -> [StockCode: Instrument] {
        try await reading { rows in
            try await MarketDataReader(rows: rows).instruments(LoadFilter(codes: nil, from: nil, to: nil))
        }
    }
}
