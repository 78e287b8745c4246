import Charts
import HuiceCore
import MarketData

/// The days a stock closed at its limit, for the K-line's tinted columns. The band is
/// MarketData's (`PriceLimitResolver`: the stored limit table first, the board rules otherwise),
/// so the page marks the same days the simulated broker treats as limit days.
enum LimitDayFinder {
    static func marks(for code: StockCode, in data: MarketDataSet) -> [PriceLimitMark] {
        guard let series = data.series[code] else { return [] }
        let resolver = PriceLimitResolver(data: data)
        var marks: [PriceLimitMark] = []
        for i in 0..<series.count {
            guard let band = resolver.band(for: code, on: series.times[i].day) else { continue }
            let close = series.close[i]
            if band.up != PriceBand.unboundedUp && close >= band.up {
                marks.append(PriceLimitMark(index: i, kind: .limitUp))
            } else if band.down > .zero && close <= band.down {
                marks.append(PriceLimitMark(index: i, kind: .limitDown))
            }
        }
        return marks
    }

    /// Whether the store gave limit prices for `code` (otherwise every band came from the rules).
    static func hasStoredLimits(for code: StockCode, in data: MarketDataSet) -> Bool {
        !data.limits.entries(for: code).isEmpty
    }
}
