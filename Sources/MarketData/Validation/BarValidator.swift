import HuiceCore

/// The checks every imported bar passes, shared by all readers so each format is held to the
/// same rules: prices positive, high ≥ max(open, close), low ≤ min(open, close), volume and
/// amount not negative, dates strictly ascending per stock, and no bar on a day the trading
/// calendar says the market was closed.
public enum BarValidator {
    /// A bar column, named the canonical way; readers map it to the file's own column name.
    public enum Field: String, Sendable, CaseIterable {
        case date, open, high, low, close, preClose = "pre_close", volume, amount
    }

    /// What is wrong with a bar, and in which column.
    public struct Problem: Sendable, Equatable {
        public var field: Field
        public var reason: String
    }

    /// The first problem with one bar's values, or nil. `amount` may be
    /// `BarSeries.unknownAmount` and `preClose` `.zero` when the source has none.
    @inline(__always)
    public static func problem(open: Price, high: Price, low: Price, close: Price,
                               preClose: Price, volume: Int64, amount: Money) -> Problem? {
        guard open.units > 0, high.units > 0, low.units > 0, close.units > 0 else {
            return positivityProblem(open: open, high: high, low: low, close: close)
        }
        if high < open || high < close || low > open || low > close {
            return rangeProblem(open: open, high: high, low: low, close: close)
        }
        if volume < 0 { return Problem(field: .volume, reason: "volume \(volume) is negative") }
        if amount.fen < 0 && amount != BarSeries.unknownAmount {
            return Problem(field: .amount, reason: "amount \(amount) is negative")
        }
        if preClose.units < 0 { return Problem(field: .preClose, reason: "pre_close \(preClose) is negative") }
        return nil
    }

    /// The first problem with `bar`, or nil.
    public static func problem(in bar: Bar) -> Problem? {
        problem(open: bar.open, high: bar.high, low: bar.low, close: bar.close,
                preClose: bar.preClose, volume: bar.volume, amount: bar.amount)
    }

    /// Why `day` cannot carry a bar under `calendar`, or nil when it can. Days outside the
    /// calendar's range are not judged (a calendar from 2005 says nothing about 1999).
    public static func calendarProblem(_ day: TradingDay, calendar: TradingCalendar) -> String? {
        guard let first = calendar.first, let last = calendar.last, day >= first, day <= last,
              !calendar.contains(day) else { return nil }
        return day.isWeekend ? "not a trading day (weekend)" : "not a trading day (market holiday)"
    }

    /// Why a bar at `time` cannot follow one at `previous` in the same series, or nil.
    public static func orderProblem(_ time: BarTime, after previous: BarTime, previousLine: Int?) -> String? {
        guard time <= previous else { return nil }
        if time == previous {
            return "duplicate date \(time): already on " + (previousLine.map { "line \($0)" } ?? "an earlier row")
        }
        let place = previousLine.map { " (line \($0))" } ?? ""
        return "date \(time) is before the previous row's \(previous)\(place); dates must ascend"
    }

    private static func positivityProblem(open: Price, high: Price, low: Price, close: Price) -> Problem {
        for (field, price) in [(Field.open, open), (.high, high), (.low, low), (.close, close)] where price.units <= 0 {
            return Problem(field: field, reason: "\(field.rawValue) \(price) is not positive")
        }
        preconditionFailure("called with positive prices")
    }

    private static func rangeProblem(open: Price, high: Price, low: Price, close: Price) -> Problem {
        if high < open { return Problem(field: .high, reason: "high \(high) is below open \(open)") }
        if high < close { return Problem(field: .high, reason: "high \(high) is below close \(close)") }
        if low > open { return Problem(field: .low, reason: "low \(low) is above open \(open)") }
        return Problem(field: .low, reason: "low \(low) is above close \(close)")
    }
}
