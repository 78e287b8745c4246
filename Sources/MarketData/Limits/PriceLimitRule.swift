import HuiceCore

/// The exchanges' daily price-limit rules, as pure functions of board, ST status, date and
/// listing age (no data lookups: `PriceLimitResolver` feeds them).
///
/// - Main board 10%, ST 5%.
/// - ChiNext 20% from 2020-08-24 (the registration reform), ST included; before that 10%, ST 5%.
/// - STAR 20%; BSE 30%; funds 10% on the 0.001 tick; indices and other instruments: no limit.
/// - No limit in the first 5 trading days of a listing (listing day = day 1) on STAR, and on
///   ChiNext for listings from 2020-08-24; none on the first day on BSE.
///
/// Not modelled (the data's limit lists cover them when present): the main board's no-limit
/// first five days for registration-system listings from 2023-04-10, and the older first-day
/// caps (+44% / −36%) of main-board and pre-reform ChiNext IPOs.
public enum PriceLimitRule {
    /// The day ChiNext's 20% limit and no-limit listing days began.
    public static let chinextReformDay = TradingDay(yyyymmdd: 20200824)!

    /// The limit in percent for a stock listed long enough, or nil when the board has none.
    public static func percent(board: Board, isST: Bool, day: TradingDay) -> Int? {
        switch board {
        case .main: isST ? 5 : 10
        case .chinext: day >= chinextReformDay ? 20 : (isST ? 5 : 10)
        case .star: 20
        case .bse: 30
        case .fund: 10
        case .index, .other: nil
        }
    }

    /// Whether a new listing trades without limits on its `tradingDayOfListing`-th day (1 =
    /// listing day). `listDate` decides the ChiNext case; when nil, the listing is taken to be
    /// `day` itself if that is day 1, else to have been on or after the reform when `day` is.
    public static func isUnlimitedNewListing(board: Board, day: TradingDay, tradingDayOfListing: Int?,
                                             listDate: TradingDay? = nil) -> Bool {
        guard let age = tradingDayOfListing, age >= 1 else { return false }
        switch board {
        case .star: return age <= 5
        case .chinext: return age <= 5 && (listDate ?? day) >= chinextReformDay
        case .bse: return age == 1
        default: return false
        }
    }

    /// The limit band around `reference` (the previous close), or nil when there is no limit.
    /// `tradingDayOfListing` is nil when the listing date is unknown: the stock is then taken to
    /// have listed before the data begins.
    public static func band(reference: Price, board: Board, isST: Bool, day: TradingDay,
                            tradingDayOfListing: Int?, listDate: TradingDay? = nil) -> PriceBand? {
        guard reference.units > 0, let pct = percent(board: board, isST: isST, day: day),
              !isUnlimitedNewListing(board: board, day: day, tradingDayOfListing: tradingDayOfListing, listDate: listDate)
        else { return nil }
        return band(reference: reference, percent: pct, tick: board.tick)
    }

    /// `round_half_up(reference × (1 ± percent/100), tick)`, computed exactly: the percentage and
    /// the rounding are one integer division (`reference × (100 ± p) / (100 × tick)`), so no
    /// binary fraction can push a price that ends in a half tick the wrong way. The band is at
    /// least one tick wide on each side (a 0.05 stock's 10% is half a tick) and the down limit
    /// is never below one tick.
    public static func band(reference: Price, percent: Int, tick: Price) -> PriceBand {
        let divisor = 100 * tick.units
        let upTicks = roundHalfUp(reference.units * Int64(100 + percent), dividedBy: divisor)
        let downTicks = roundHalfUp(reference.units * Int64(max(0, 100 - percent)), dividedBy: divisor)
        let base = reference.rounded(toTick: tick).units
        let up = max(upTicks * tick.units, base + tick.units)
        let down = max(min(downTicks * tick.units, base - tick.units), tick.units)
        return PriceBand(up: Price(units: up), down: Price(units: down))
    }
}
