import HuiceCore
import MarketData

/// Position exits the engine enforces at every close (seed 002 position rules): stop loss, take
/// profit and maximum holding days. Each fires a sell of the whole position at the next open.
extension EngineState {
    /// Checks every held position against its close (the last close when suspended, the buy day
    /// included). Comparisons are inclusive and exact: per-signal stop/target prices against the
    /// close; percentages as close × shares against cost_amount × (1 ∓ pct) in 128-bit integers.
    /// When several rules fire, the reason recorded is stop loss, then take profit, then holding days.
    mutating func checkExits() {
        let rules = settings.positions
        var exits: [(Int, ExitReason)] = []
        for p in account.positions where !book.hasPendingSell(p.instrument) {
            guard let closePrice = close(p.instrument) else { continue }
            // close × shares vs cost_amount × (1 ± pct), all scaled to price units × 1e10.
            let value = Int128(closePrice.units) * Int128(p.shares) * Int128(Rate.unitsPerOne)
            let cost = Int128(p.costAmount.fen) * Int128(Price.unitsPerYuan / 100)
            var reason: ExitReason?
            if let stop = p.stopPrice {
                if closePrice <= stop { reason = .stopLoss }
            } else if let pct = rules.stopLossPct {
                if value <= cost * Int128(Rate.unitsPerOne - Rate(pct).units) { reason = .stopLoss }
            }
            if reason == nil {
                if let target = p.targetPrice {
                    if closePrice >= target { reason = .takeProfit }
                } else if let pct = rules.takeProfitPct {
                    if value >= cost * Int128(Rate.unitsPerOne + Rate(pct).units) { reason = .takeProfit }
                }
            }
            if reason == nil, let days = rules.maxHoldingDays,
               panel.tradingDays(fromSession: p.entrySession, toSession: session) >= days {
                reason = .maxHoldingDays
            }
            if let reason { exits.append((p.instrument, reason)) }
        }
        for (instrument, reason) in exits { _ = closePosition(instrument, reason: reason) }
    }
}
