import HuiceCore
import Factors
import Simulation

/// Seed 000's factor strategy (§2.1.3 `FactorStrategy.next`): each close, read the composite factor
/// score of every stock with a bar; buy when score > buy threshold and not holding, sell the whole
/// position when score < sell threshold and holding. Orders execute at the next session under the
/// engine's A-share rules; the score travels with each order into its trade record.
///
/// With `.everyStock` each stock is traded on its own signal (the seed's one-stock task is this
/// with a one-stock universe). With `.topN(n)` the pool is one portfolio: among the stocks above
/// the buy threshold the highest scores are bought (ties to the lower code) until n are held or
/// pending, each at 1/n of equity; a holding is kept until its score falls below the sell threshold.
public struct FactorScoreStrategy<Score: SeriesIndicator>: Strategy {
    public enum Sizing: Sendable, Equatable {
        /// A fraction of equity per buy (the default, 1.0 = everything for one stock).
        case percentOfEquity(Double)
        /// A fixed share count per buy (the seed's "最大100股" is `.shares(100)`).
        case shares(Int)
    }

    public enum Selection: Sendable, Equatable {
        case everyStock
        case topN(Int)
    }

    public let score: Score
    public let buyThreshold: Double
    public let sellThreshold: Double
    public let sizing: Sizing
    public let selection: Selection
    private var handle: IndicatorHandle?
    private var candidates: [(instrument: Int, score: Double)] = []

    public init(score: Score, buyThreshold: Double = 0.6, sellThreshold: Double = -0.6,
                sizing: Sizing = .percentOfEquity(1), selection: Selection = .everyStock) {
        precondition(sellThreshold <= buyThreshold, "the sell threshold must not exceed the buy threshold")
        self.score = score
        self.buyThreshold = buyThreshold
        self.sellThreshold = sellThreshold
        self.sizing = sizing
        self.selection = selection
    }

    public mutating func start(_ context: inout StrategyContext) {
        handle = context.register(score)
        candidates.reserveCapacity(context.instrumentCount)
    }

    public mutating func onClose(_ context: inout StrategyContext) {
        guard let handle, !context.isLastSession else { return }
        candidates.removeAll(keepingCapacity: true)
        var held = 0
        for instrument in 0..<context.instrumentCount {
            let holds = context.holds(instrument)
            guard context.hasBar(instrument) else {
                if holds { held += 1 }
                continue
            }
            let s = context.indicator(handle, of: instrument)
            guard s == s else {  // undefined: no signal, the position (if any) stays
                if holds { held += 1 }
                continue
            }
            if holds {
                if s < sellThreshold, !context.hasPendingSell(instrument) {
                    context.closePosition(instrument, reason: .strategy, tag: OrderTag(score: s))
                } else {
                    held += 1
                }
            } else if s > buyThreshold, !context.hasPendingOrder(instrument) {
                candidates.append((instrument, s))
            } else if context.hasPendingOrder(instrument) {
                held += 1
            }
        }
        switch selection {
        case .everyStock:
            for candidate in candidates { buy(candidate, &context) }
        case .topN(let n):
            guard held < n, !candidates.isEmpty else { return }
            candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.instrument < $1.instrument }
            for candidate in candidates.prefix(n - held) { buy(candidate, &context, fraction: 1 / Double(n)) }
        }
    }

    private func buy(_ candidate: (instrument: Int, score: Double), _ context: inout StrategyContext, fraction: Double? = nil) {
        let order: OrderSizing
        switch sizing {
        case .percentOfEquity(let p): order = .percentOfEquity(fraction ?? p)
        case .shares(let n): order = .shares(n)
        }
        context.submit(.buy(candidate.instrument, order, tag: OrderTag(score: candidate.score)))
    }
}
