import HuiceCore
import MarketData

/// A-share daily price limits (涨跌停): the limit list's prices where the data has them, else
/// computed from the reference price by board, ST status and listing age.
public struct ASharePriceLimits: PriceLimitModel {
    public init() {}

    public func band(_ context: PriceLimitContext) -> PriceBand? {
        let computed = context.referencePrice.flatMap { reference in
            AShareLimitComputation.band(
                reference: reference, board: context.board, isST: context.isSpecialTreatment, day: context.day,
                listDate: context.listDate, tradingDayOfListing: context.tradingDayOfListing, tick: context.tick)
        }
        guard let listed = context.listed, listed.up != nil || listed.down != nil else { return computed }
        guard let up = listed.up ?? computed?.up, let down = listed.down ?? computed?.down else { return computed }
        return PriceBand(up: up, down: down)
    }
}

/// The computed limit: round_half_up(reference × (1 ± pct), tick), at least one tick from the
/// reference on each side and never below one tick.
enum AShareLimitComputation {
    /// The limit in percent, or nil when the board has none on that day.
    static func percent(board: Board, isST: Bool, day: TradingDay, listDate: TradingDay?,
                        tradingDayOfListing: Int?) -> Int64? {
        let reform = TradingDay(yyyymmdd: 20200824)!  // ChiNext registration reform
        switch board {
        case .main:
            return isST ? 5 : 10
        case .chinext:
            if day >= reform {
                if let n = tradingDayOfListing, n <= 5, let listDate, listDate >= reform { return nil }
                return 20
            }
            return isST ? 5 : 10
        case .star:
            if let n = tradingDayOfListing, n <= 5 { return nil }
            return 20
        case .bse:
            if let n = tradingDayOfListing, n <= 1 { return nil }
            return 30
        case .fund:
            return 10
        case .index, .other:
            return nil
        }
    }

    static func band(reference: Price, board: Board, isST: Bool, day: TradingDay, listDate: TradingDay?,
                     tradingDayOfListing: Int?, tick: Price) -> PriceBand? {
        guard let pct = percent(board: board, isST: isST, day: day, listDate: listDate,
                                tradingDayOfListing: tradingDayOfListing) else {
            return nil
        }
        let t = tick.units
        // reference.units × (100 ± pct) / 100 in price units, rounded half-up to the tick in one step.
        func limit(_ factor: Int64) -> Int64 {
            roundHalfUp(reference.units * factor, dividedBy: 100 * t) * t
        }
        var up = limit(100 + pct)
        var down = limit(100 - pct)
        up = max(up, reference.units + t)
        down = max(t, min(down, reference.units - t))
        return PriceBand(up: Price(units: up), down: Price(units: down))
    }
}
