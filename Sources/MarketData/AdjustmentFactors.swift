import HuiceCore

/// Cumulative adjustment factors (复权因子, Tushare `adj_factor`) of one stock: the factor in
/// force from each listed day on. Back-adjusted (后复权) price = raw × factor; forward-adjusted
/// (前复权) price = raw × factor / latest factor.
public struct AdjustmentFactors: Sendable, Equatable {
    public let code: StockCode
    public private(set) var days: [TradingDay] = []
    public private(set) var factors: [Double] = []

    public init(code: StockCode) { self.code = code }

    /// Appends a factor; days must ascend (the importer checks).
    public mutating func append(_ day: TradingDay, _ factor: Double) {
        days.append(day)
        factors.append(factor)
    }

    public var count: Int { days.count }

    /// The factor in force on `day` (the last one at or before it); 1 before the first entry.
    public func factor(on day: TradingDay) -> Double {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 1 : factors[lo - 1]
    }

    /// Adjusted closes of `series` as `Double` yuan, back (后复权) or forward (前复权, relative to
    /// the factor on the series' last day, so the latest price is unchanged).
    public func adjustedCloses(of series: BarSeries, mode: AdjustmentMode) -> [Double] {
        guard let lastDay = series.lastTime?.day else { return [] }
        let base = mode == .forward ? factor(on: lastDay) : 1
        return (0..<series.count).map { i in
            series.close[i].doubleValue * factor(on: series.times[i].day) / base
        }
    }
}

/// How prices are adjusted for dividends and splits.
public enum AdjustmentMode: String, Sendable, Codable, CaseIterable {
    /// Raw prices (the engine trades these).
    case none
    /// 前复权: today's prices unchanged, history scaled.
    case forward
    /// 后复权: the first price unchanged, later history scaled.
    case backward
}
