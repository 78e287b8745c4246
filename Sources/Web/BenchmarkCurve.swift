import HuiceCore
import MarketData

/// The benchmark drawn beside a run's equity: the index's closes aligned to the run's sessions
/// and scaled to the initial capital, so both lines start from the same money and a reader sees
/// at a glance which ended higher.
///
/// The alignment is the engine's (`BacktestRunner.benchmarkSeries`), so the curve's last value ÷
/// initial cash − 1 is the run's `benchmark_return`: the base is the close on the last bar before
/// the first session (the first bar's close when the data starts inside the run), and a session
/// without a benchmark bar carries the last close before it.
struct BenchmarkCurve: Sendable, Equatable {
    var code: StockCode
    /// initial cash × close ÷ base close, one per session of the equity curve.
    var values: [Double]

    /// nil when the benchmark has no bars (or a base close that is not positive) or there are
    /// no sessions.
    init?(code: StockCode, series: BarSeries, days: [TradingDay], initialCash: Double) {
        let closes = zip(series.times, series.close).map { (day: $0.day, close: $1.doubleValue) }
        guard let values = Self.aligned(closes: closes, to: days, initialCash: initialCash) else { return nil }
        self.code = code
        self.values = values
    }

    /// The scaled closes on `days` (ascending sessions). `closes` are the benchmark's bars in
    /// time order; several bars on one day (intraday data) leave that day's last close.
    static func aligned(closes: [(day: TradingDay, close: Double)], to days: [TradingDay], initialCash: Double) -> [Double]? {
        guard let first = days.first, let earliest = closes.first else { return nil }
        // The last bar before the first session is the base; `row` ends on it (-1: none before).
        var row = (closes.firstIndex { $0.day >= first } ?? closes.count) - 1
        let base = row >= 0 ? closes[row].close : earliest.close
        guard base > 0, base.isFinite else { return nil }
        var last = base
        return days.map { day in
            while row + 1 < closes.count && closes[row + 1].day <= day {
                row += 1
                last = closes[row].close
            }
            return initialCash * last / base
        }
    }
}
