import HuiceCore

/// Returns by calendar month, compounded from daily equity: a month's return is the product of
/// (1 + daily return) over its days, minus one; a year's total compounds its months.
public struct MonthlyReturnTable: Sendable, Equatable {
    /// Years with at least one trading day, ascending.
    public var years: [Int]
    /// `returns[row][month − 1]`: nil for a month without trading days.
    public var returns: [[Double?]]
    /// Compounded return of each year's months.
    public var yearTotals: [Double]

    /// - Parameters:
    ///   - startingEquity: equity before the first day (initial cash), so the first day's return
    ///     counts; nil measures from the first day's close.
    public init(days: [TradingDay], equity: [Double], startingEquity: Double? = nil) {
        years = []
        returns = []
        yearTotals = []
        var previous = startingEquity
        for (day, value) in zip(days, equity) where value.isFinite {
            if years.last != day.year {
                years.append(day.year)
                returns.append(Array(repeating: nil, count: 12))
            }
            let row = years.count - 1
            // Growth factor so far this month; a month starts at 1 (return 0) on its first day.
            var growth = 1 + (returns[row][day.month - 1] ?? 0)
            if let previous, previous > 0 { growth *= value / previous }
            returns[row][day.month - 1] = growth - 1
            previous = value
        }
        yearTotals = returns.map { row in row.reduce(1.0) { $0 * (1 + ($1 ?? 0)) } - 1 }
    }

    /// The largest |monthly return|, which saturates the colour scale.
    public var largestMagnitude: Double {
        returns.joined().compactMap { $0.map(abs) }.max() ?? 0
    }
}
