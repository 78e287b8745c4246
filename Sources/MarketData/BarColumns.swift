import HuiceCore

/// The bars of a panel's instruments in one set of contiguous columns: instrument `i` owns the
/// global rows `start[i] ..< start[i + 1]`, ascending in time.
///
/// A class so that the engine can hold raw pointers into the columns for the whole run: the
/// memory is allocated here, never moves and is freed only when the last panel using it goes.
/// Immutable after `init`, hence `@unchecked Sendable`.
public final class BarColumns: @unchecked Sendable {
    public let instrumentCount: Int
    public let rowCount: Int
    /// `instrumentCount + 1` offsets.
    public let start: UnsafeMutablePointer<Int>
    public let times: UnsafeMutablePointer<BarTime>
    public let open: UnsafeMutablePointer<Price>
    public let high: UnsafeMutablePointer<Price>
    public let low: UnsafeMutablePointer<Price>
    public let close: UnsafeMutablePointer<Price>
    /// `Price.zero` where the source has none.
    public let preClose: UnsafeMutablePointer<Price>
    public let volume: UnsafeMutablePointer<Int64>
    /// `BarSeries.unknownAmount` where the source has none.
    public let amount: UnsafeMutablePointer<Money>
    /// Closes as `Double` yuan, converted once for the indicator kernels.
    public let closeValue: UnsafeMutablePointer<Double>

    public init(series: [BarSeries]) {
        instrumentCount = series.count
        rowCount = series.reduce(0) { $0 + $1.count }
        start = .allocate(capacity: series.count + 1)
        let n = max(rowCount, 1)
        times = LargeBuffer.allocate(BarTime.self, capacity: n)
        open = LargeBuffer.allocate(Price.self, capacity: n)
        high = LargeBuffer.allocate(Price.self, capacity: n)
        low = LargeBuffer.allocate(Price.self, capacity: n)
        close = LargeBuffer.allocate(Price.self, capacity: n)
        preClose = LargeBuffer.allocate(Price.self, capacity: n)
        volume = LargeBuffer.allocate(Int64.self, capacity: n)
        amount = LargeBuffer.allocate(Money.self, capacity: n)
        closeValue = LargeBuffer.allocate(Double.self, capacity: n)
        var offset = 0
        for (i, s) in series.enumerated() {
            start[i] = offset
            func copy<T>(_ source: [T], _ target: UnsafeMutablePointer<T>) {
                source.withUnsafeBufferPointer { (target + offset).initialize(from: $0.baseAddress!, count: $0.count) }
            }
            if s.count > 0 {
                copy(s.times, times); copy(s.open, open); copy(s.high, high); copy(s.low, low)
                copy(s.close, close); copy(s.preClose, preClose); copy(s.volume, volume); copy(s.amount, amount)
            }
            offset += s.count
        }
        start[series.count] = offset
        let scale = 1 / Double(Price.unitsPerYuan)
        for r in 0..<rowCount { closeValue[r] = Double(close[r].units) * scale }
    }

    deinit {
        start.deallocate()
        LargeBuffer.deallocate(times); LargeBuffer.deallocate(open); LargeBuffer.deallocate(high)
        LargeBuffer.deallocate(low); LargeBuffer.deallocate(close); LargeBuffer.deallocate(preClose)
        LargeBuffer.deallocate(volume); LargeBuffer.deallocate(amount); LargeBuffer.deallocate(closeValue)
    }

    /// The global rows of instrument `i`.
    @inlinable public func rows(of instrument: Int) -> Range<Int> { start[instrument]..<start[instrument + 1] }

    /// The price limits and returns of global row `row` of `instrument` are measured from: the
    /// vendor's pre_close where given, else the previous bar's close; nil for a first bar without one.
    @inlinable public func referencePrice(atRow row: Int, of instrument: Int) -> Price? {
        let given = preClose[row]
        if given.units > 0 { return given }
        return row > start[instrument] ? close[row - 1] : nil
    }

    /// Instrument `i`'s bars as a `BarSeries` value (a copy, for reports and look-back copies).
    public func series(of instrument: Int, code: StockCode, upTo end: Int? = nil) -> BarSeries {
        let range = rows(of: instrument)
        let last = min(end ?? range.upperBound, range.upperBound)
        var s = BarSeries(code: code, capacity: max(0, last - range.lowerBound))
        for r in range.lowerBound..<max(range.lowerBound, last) {
            s.append(time: times[r], open: open[r], high: high[r], low: low[r], close: close[r],
                     preClose: preClose[r], volume: volume[r], amount: amount[r])
        }
        return s
    }
}
