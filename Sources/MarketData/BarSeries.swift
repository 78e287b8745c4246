import HuiceCore

/// One instrument's bars as a struct of arrays, in ascending time order, unadjusted.
///
/// Units are normalised by the importers: prices in `Price` (0.0001), volume in shares, amount in
/// CNY (`Money`). The engine reads these arrays directly; indicators read `closeValues()`.
public struct BarSeries: Sendable, Equatable {
    public let code: StockCode
    public private(set) var times: [BarTime]
    public private(set) var open: [Price]
    public private(set) var high: [Price]
    public private(set) var low: [Price]
    public private(set) var close: [Price]
    /// The vendor's previous close; `Price.zero` where the source has none (then the previous
    /// bar's close is used, see `referencePrice(at:)`).
    public private(set) var preClose: [Price]
    /// Shares.
    public private(set) var volume: [Int64]
    /// Turnover in CNY; `BarSeries.unknownAmount` where the source has none.
    public private(set) var amount: [Money]

    /// Marks an amount the source did not give.
    public static let unknownAmount = Money(fen: -1)

    public init(code: StockCode, capacity: Int = 0) {
        self.code = code
        times = []; open = []; high = []; low = []; close = []; preClose = []; volume = []; amount = []
        if capacity > 0 { reserveCapacity(capacity) }
    }

    /// Adopts columns built elsewhere (the importers fill them in bulk); all must have one length
    /// and `times` must ascend.
    init(code: StockCode, times: [BarTime], open: [Price], high: [Price], low: [Price], close: [Price],
         preClose: [Price], volume: [Int64], amount: [Money]) {
        let n = times.count
        precondition(open.count == n && high.count == n && low.count == n && close.count == n
                     && preClose.count == n && volume.count == n && amount.count == n, "columns differ in length")
        self.code = code
        self.times = times
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.preClose = preClose
        self.volume = volume
        self.amount = amount
    }

    public mutating func reserveCapacity(_ n: Int) {
        times.reserveCapacity(n); open.reserveCapacity(n); high.reserveCapacity(n); low.reserveCapacity(n)
        close.reserveCapacity(n); preClose.reserveCapacity(n); volume.reserveCapacity(n); amount.reserveCapacity(n)
    }

    public var count: Int { times.count }
    public var isEmpty: Bool { times.isEmpty }
    public var firstTime: BarTime? { times.first }
    public var lastTime: BarTime? { times.last }

    /// Appends one bar. Validation is the importer's job (`BarValidator`); this only stores.
    public mutating func append(
        time: BarTime, open: Price, high: Price, low: Price, close: Price,
        preClose: Price = .zero, volume: Int64, amount: Money = BarSeries.unknownAmount
    ) {
        times.append(time)
        self.open.append(open)
        self.high.append(high)
        self.low.append(low)
        self.close.append(close)
        self.preClose.append(preClose)
        self.volume.append(volume)
        self.amount.append(amount)
    }

    public func bar(at index: Int) -> Bar {
        Bar(time: times[index], open: open[index], high: high[index], low: low[index], close: close[index],
            preClose: preClose[index], volume: volume[index], amount: amount[index])
    }

    /// The price limits and returns are measured from: the vendor's pre_close where given, else
    /// the previous bar's close (also after a suspension); nil for the first bar without pre_close.
    @inlinable
    public func referencePrice(at index: Int) -> Price? {
        let given = preClose[index]
        if given.units > 0 { return given }
        return index > 0 ? close[index - 1] : nil
    }

    /// Index of the bar at `time`, or nil (binary search).
    public func index(of time: BarTime) -> Int? {
        let i = firstIndex(atOrAfter: time)
        return i < count && times[i] == time ? i : nil
    }

    /// Index of the first bar at or after `time` (count when none).
    public func firstIndex(atOrAfter time: BarTime) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Closes as `Double` yuan, for indicator kernels.
    public func closeValues() -> [Double] { close.map(\.doubleValue) }

    /// A copy holding only the bars with `range.contains(time)`.
    public func slice(_ range: ClosedRange<BarTime>) -> BarSeries {
        let lo = firstIndex(atOrAfter: range.lowerBound)
        var hi = lo
        while hi < count && times[hi] <= range.upperBound { hi += 1 }
        return keeping(lo..<hi)
    }

    /// A copy holding the bars at `indices` (ascending).
    public func keeping(_ indices: some Sequence<Int>) -> BarSeries {
        var copy = BarSeries(code: code)
        for i in indices {
            copy.append(time: times[i], open: open[i], high: high[i], low: low[i], close: close[i],
                        preClose: preClose[i], volume: volume[i], amount: amount[i])
        }
        return copy
    }
}

/// One bar as a value, for tests, reports and error messages (the engine reads the arrays).
public struct Bar: Sendable, Equatable, Codable {
    public var time: BarTime
    public var open: Price
    public var high: Price
    public var low: Price
    public var close: Price
    public var preClose: Price
    public var volume: Int64
    public var amount: Money

    public init(time: BarTime, open: Price, high: Price, low: Price, close: Price,
                preClose: Price = .zero, volume: Int64, amount: Money = BarSeries.unknownAmount) {
        self.time = time
        self.open = open; self.high = high; self.low = low; self.close = close
        self.preClose = preClose; self.volume = volume; self.amount = amount
    }
}
