import HuiceCore

/// The exchange's trading days in ascending order (SSE/SZSE share one calendar).
public struct TradingCalendar: Sendable, Equatable {
    public let days: [TradingDay]

    /// Sorts and de-duplicates `days`.
    public init(days: some Sequence<TradingDay>) {
        self.days = Array(Set(days)).sorted()
    }

    /// Trusts that `days` is strictly ascending (the importers check it).
    public init(ascendingDays days: [TradingDay]) {
        self.days = days
    }

    public var count: Int { days.count }
    public var first: TradingDay? { days.first }
    public var last: TradingDay? { days.last }

    /// Position of `day`, or nil when it is not a trading day.
    public func index(of day: TradingDay) -> Int? {
        let i = firstIndex(atOrAfter: day)
        return i < days.count && days[i] == day ? i : nil
    }

    public func contains(_ day: TradingDay) -> Bool { index(of: day) != nil }

    /// Index of the first trading day at or after `day` (count when none).
    public func firstIndex(atOrAfter day: TradingDay) -> Int {
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The trading day after `day` (which need not be a trading day itself).
    public func next(after day: TradingDay) -> TradingDay? {
        var i = firstIndex(atOrAfter: day)
        if i < days.count && days[i] == day { i += 1 }
        return i < days.count ? days[i] : nil
    }

    /// The last trading day before `day`.
    public func previous(before day: TradingDay) -> TradingDay? {
        let i = firstIndex(atOrAfter: day)
        return i > 0 ? days[i - 1] : nil
    }

    /// The trading days in `range`.
    public func days(in range: ClosedRange<TradingDay>) -> ArraySlice<TradingDay> {
        let lo = firstIndex(atOrAfter: range.lowerBound)
        var hi = firstIndex(atOrAfter: range.upperBound)
        if hi < days.count && days[hi] == range.upperBound { hi += 1 }
        return days[lo..<max(lo, hi)]
    }

    /// Number of trading days from `start` to `end`: 0 on the same day, 1 on the next trading day.
    /// Days outside the calendar count from the next trading day on.
    public func tradingDays(from start: TradingDay, to end: TradingDay) -> Int {
        firstIndex(atOrAfter: end) - firstIndex(atOrAfter: start)
    }
}
