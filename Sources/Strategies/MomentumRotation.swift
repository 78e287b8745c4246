import HuiceCore
import Simulation

/// Cross-sectional momentum rotation: on decision sessions t = lookback, lookback + every, …,
/// rank the instruments with a bar by close[t] / close[t − lookback] − 1 (ties to the lower code),
/// hold the top `holdings` at 1/holdings of equity each (target-percent orders valued at the next
/// open) and sell the rest. This is the benchmark's W3 strategy.
public struct MomentumRotation: Strategy {
    public let lookback: Int
    public let every: Int
    public let holdings: Int
    private var ranked: [(instrument: Int, momentum: Double)] = []
    private var chosen: [Bool] = []

    public init(lookback: Int = 60, every: Int = 20, holdings: Int = 20) {
        precondition(lookback >= 1 && every >= 1 && holdings >= 1)
        self.lookback = lookback
        self.every = every
        self.holdings = holdings
    }

    public mutating func start(_ context: inout StrategyContext) {
        chosen = [Bool](repeating: false, count: context.instrumentCount)
        ranked.reserveCapacity(context.instrumentCount)
    }

    public mutating func onClose(_ context: inout StrategyContext) {
        let t = context.session
        guard t >= lookback, (t - lookback) % every == 0, !context.isLastSession else { return }
        ranked.removeAll(keepingCapacity: true)
        for instrument in 0..<context.instrumentCount where context.hasBar(instrument) {
            guard let now = context.close(instrument), let then = context.close(instrument, ago: lookback) else { continue }
            ranked.append((instrument, Double(now.units) / Double(then.units) - 1))
        }
        // Instrument numbers follow the sorted codes, so the lower number is the lower code.
        ranked.sort { $0.momentum != $1.momentum ? $0.momentum > $1.momentum : $0.instrument < $1.instrument }
        for i in chosen.indices { chosen[i] = false }
        for entry in ranked.prefix(holdings) { chosen[entry.instrument] = true }
        let weight = 1 / Double(holdings)
        for instrument in 0..<context.instrumentCount {
            if chosen[instrument] {
                context.submit(.target(instrument, percent: weight))
            } else if context.holds(instrument) {
                context.submit(.target(instrument, percent: 0))
            }
        }
    }
}
