import HuiceCore
import Simulation

/// A seeded test strategy that, after each close, submits a few random orders of every sizing
/// kind: share counts (round lots and odd ones), values, fractions of equity, target percents
/// (zero included), whole-position sells, sells of stocks not held, `closePosition`, limit orders
/// around the close, scores and per-signal stop/target prices. It never looks ahead: it reads
/// only what the context shows.
public struct RandomStrategy: Strategy {
    private var rng: SplitMix64
    /// Largest number of orders one close submits.
    public var maxOrdersPerClose: Int
    /// Share of orders that are limit orders.
    public var limitShare: Double

    public init(seed: UInt64, maxOrdersPerClose: Int = 4, limitShare: Double = 0.2) {
        rng = SplitMix64(seed: seed ^ 0x57A7_E6_1E5)
        self.maxOrdersPerClose = maxOrdersPerClose
        self.limitShare = limitShare
    }

    public mutating func onClose(_ context: inout StrategyContext) {
        let count = context.instrumentCount
        guard count > 0 else { return }
        for _ in 0..<rng.int(0...maxOrdersPerClose) {
            var instrument = rng.int(0..<count)
            let held = context.positions
            let action = rng.int(0...9)
            if action >= 5, !held.isEmpty, rng.chance(0.8) { instrument = rng.pick(held).instrument }
            let close = context.close(instrument)
            var request: OrderRequest
            switch action {
            case 0:
                let shares = rng.chance(0.5) ? rng.int(0...30) * 100 : rng.int(0...3_000)
                request = .buy(instrument, .shares(shares))
            case 1:
                let budget = max(0, context.equity.fen / 3)
                request = .buy(instrument, .value(Money(fen: rng.int64(0...budget))))
            case 2:
                request = .buy(instrument, .percentOfEquity(rng.double(0, 0.6)))
            case 3, 4:
                request = .target(instrument, percent: rng.chance(0.25) ? 0 : rng.double(0, 0.5))
            case 5, 6:
                request = .sell(instrument)
            case 7, 8:
                let shares = rng.chance(0.5) ? rng.int(1...20) * 100 : rng.int(1...2_000)
                request = .sell(instrument, .shares(shares))
            default:
                context.closePosition(instrument)
                continue
            }
            if let close, rng.chance(limitShare) {
                request.type = .limit
                let limit = Price(units: Int64((Double(close.units) * (1 + rng.double(-0.05, 0.05))).rounded()))
                request.limitPrice = max(limit.rounded(toTick: context.instrument(instrument).tick), context.instrument(instrument).tick)
            }
            var tag = OrderTag()
            if rng.chance(0.5) { tag.score = Double(rng.int(0...100)) }
            if let close, request.side == .buy, rng.chance(0.15) {
                tag.stopPrice = Price(units: close.units * 95 / 100)
                tag.targetPrice = Price(units: close.units * 108 / 100)
            }
            request.tag = tag
            context.submit(request)
        }
    }
}
