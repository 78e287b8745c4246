import HuiceCore

extension BacktestMetrics {
    /// Fills the round-trip statistics (`total_trades` … `max_loss`) from closed round trips.
    /// A win is pnl > 0, a loss pnl < 0; a trip with pnl exactly 0 counts in total_trades and
    /// avg_trade only. Amounts are in yuan. Undefined figures stay nil: win_rate and avg_trade
    /// without trips, avg_win/max_win without wins, avg_loss/max_loss without losses,
    /// profit_factor without losses (gross loss 0 would divide by zero).
    public mutating func setTradeStatistics(from roundTrips: [RoundTrip]) {
        totalTrades = roundTrips.count
        var wins = 0, losses = 0
        var total = Money.zero, grossWin = Money.zero, grossLoss = Money.zero
        var best: Money?, worst: Money?
        for trip in roundTrips {
            total += trip.pnl
            if trip.isWin {
                wins += 1
                grossWin += trip.pnl
                best = max(best ?? trip.pnl, trip.pnl)
            } else if trip.isLoss {
                losses += 1
                grossLoss += trip.pnl
                worst = min(worst ?? trip.pnl, trip.pnl)
            }
        }
        winRate = roundTrips.isEmpty ? nil : Double(wins) / Double(roundTrips.count)
        avgTrade = Self.averageYuan(total, count: roundTrips.count)
        avgWin = Self.averageYuan(grossWin, count: wins)
        avgLoss = Self.averageYuan(grossLoss, count: losses)
        maxWin = best?.yuan
        maxLoss = worst?.yuan
        profitFactor = losses == 0 ? nil : Double(grossWin.fen) / Double(-grossLoss.fen)
    }

    /// Mean of `count` amounts summing to `total`, in yuan; nil for no amounts.
    static func averageYuan(_ total: Money, count: Int) -> Double? {
        count == 0 ? nil : Double(total.fen) / Double(count) / 100
    }
}
