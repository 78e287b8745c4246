import HuiceCore
import Factors
import Simulation

/// The classic SMA crossover, per instrument: with d = SMA(fast) − SMA(slow) of closes, a cross
/// up at bar t is d[t] > 0 while the last non-zero d before t was < 0 (a cross down the mirror).
/// Up while flat buys at the next open; down while long sells everything at the next open.
///
/// This is the benchmark's W1/W2 strategy (../shared/data/bench/README.md); with one instrument and
/// `.allCash` sizing it buys ⌊cash / open⌋ shares in the generic profile.
public struct MovingAverageCrossover: Strategy {
    public enum Sizing: Sendable {
        /// Everything in cash (one instrument at a time).
        case allCash
        /// 1/N of equity per instrument of the universe.
        case equalWeight
    }

    public let fastPeriod: Int
    public let slowPeriod: Int
    public let sizing: Sizing
    /// d = SMA(fast) − SMA(slow), one column.
    private var spread: IndicatorHandle?
    /// Per instrument: sign of the last non-zero d (−1, +1, 0 = none yet).
    private var lastSign: [Int8] = []
    private var instrumentCount = 0

    public init(fast: Int = 10, slow: Int = 30, sizing: Sizing = .allCash) {
        precondition(fast >= 1 && slow > fast, "need 1 ≤ fast < slow")
        fastPeriod = fast
        slowPeriod = slow
        self.sizing = sizing
    }

    public mutating func start(_ context: inout StrategyContext) {
        spread = context.register(MovingAverageSpread(fast: fastPeriod, slow: slowPeriod))
        instrumentCount = context.instrumentCount
        lastSign = [Int8](repeating: 0, count: instrumentCount)
        // Warm-up history before the first session sets the sign without trading.
        guard let spread else { return }
        for instrument in 0..<context.instrumentCount {
            let rows = context.barCount(instrument)
            for ago in stride(from: rows - 1, through: 0, by: -1) {
                let d = context.indicator(spread, of: instrument, ago: ago)
                if d > 0 { lastSign[instrument] = 1 } else if d < 0 { lastSign[instrument] = -1 }
            }
        }
    }

    public mutating func onClose(_ context: inout StrategyContext) {
        guard let spread else { return }
        // A bar is examined once: `hasBar` holds only in the session stamped with the bar's time.
        // The loop only reads; the rare sign change is handled out of line.
        for instrument in 0..<instrumentCount where context.hasBar(instrument) {
            let d = context.indicator(spread, of: instrument)
            guard d == d, d != 0 else { continue }  // undefined (NaN) or zero: no new sign
            let sign: Int8 = d > 0 ? 1 : -1
            if lastSign[instrument] != sign { signChanged(instrument, to: sign, &context) }
        }
    }

    /// d changed sign at this bar: remember it, and trade when it crossed (a previous sign existed).
    @inline(never)
    private mutating func signChanged(_ instrument: Int, to sign: Int8, _ context: inout StrategyContext) {
        let previous = lastSign[instrument]
        lastSign[instrument] = sign
        guard previous != 0 else { return }
        if sign > 0 {
            guard !context.holds(instrument), !context.hasPendingOrder(instrument) else { return }
            switch sizing {
            case .allCash:
                guard context.isFlat else { return }
                context.submit(.buy(instrument, .value(context.cash)))
            case .equalWeight:
                context.submit(.buy(instrument, .percentOfEquity(1 / Double(instrumentCount))))
            }
        } else if context.holds(instrument) {
            context.closePosition(instrument, reason: .strategy)
        }
    }
}
