import HuiceCore

/// One instrument's bars as read-only buffers, without copying: what vectorized kernels read.
/// Valid only while the memory it points into lives (inside `BarSeries.withView` or while the
/// owning `BarColumns` is alive).
public struct BarSeriesView {
    public let times: UnsafeBufferPointer<BarTime>
    public let open: UnsafeBufferPointer<Price>
    public let high: UnsafeBufferPointer<Price>
    public let low: UnsafeBufferPointer<Price>
    public let close: UnsafeBufferPointer<Price>
    public let volume: UnsafeBufferPointer<Int64>
    public let amount: UnsafeBufferPointer<Money>
    /// Closes already converted to `Double`, when the owner keeps them (panel columns do).
    public let convertedCloses: UnsafeBufferPointer<Double>?

    public init(times: UnsafeBufferPointer<BarTime>, open: UnsafeBufferPointer<Price>, high: UnsafeBufferPointer<Price>,
                low: UnsafeBufferPointer<Price>, close: UnsafeBufferPointer<Price>, volume: UnsafeBufferPointer<Int64>,
                amount: UnsafeBufferPointer<Money>, convertedCloses: UnsafeBufferPointer<Double>? = nil) {
        self.times = times; self.open = open; self.high = high; self.low = low
        self.close = close; self.volume = volume; self.amount = amount; self.convertedCloses = convertedCloses
    }

    /// Calls `body` with the closes as `Double` yuan: the cached conversion when there is one, else
    /// a temporary buffer.
    public func withCloseValues<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        if let convertedCloses { return try body(convertedCloses) }
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
        defer { scratch.deallocate() }
        closeValues(into: scratch)
        return try body(UnsafeBufferPointer(rebasing: scratch[0..<count]))
    }

    public var count: Int { times.count }

    /// Closes as `Double` yuan written into `output` (which must hold `count` values).
    @inlinable public func closeValues(into output: UnsafeMutableBufferPointer<Double>) {
        let scale = 1 / Double(Price.unitsPerYuan)
        for i in 0..<close.count { output[i] = Double(close[i].units) * scale }
    }
}

extension BarColumns {
    /// Instrument `i`'s bars as a view into the columns.
    public func view(of instrument: Int) -> BarSeriesView {
        let r = rows(of: instrument)
        func buffer<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeBufferPointer<T> {
            UnsafeBufferPointer(start: p + r.lowerBound, count: r.count)
        }
        return BarSeriesView(times: buffer(times), open: buffer(open), high: buffer(high), low: buffer(low),
                             close: buffer(close), volume: buffer(volume), amount: buffer(amount),
                             convertedCloses: buffer(closeValue))
    }
}

extension BarSeries {
    /// Calls `body` with a view of this series' arrays.
    public func withView<R>(_ body: (BarSeriesView) throws -> R) rethrows -> R {
        try times.withUnsafeBufferPointer { t in
            try open.withUnsafeBufferPointer { o in
                try high.withUnsafeBufferPointer { h in
                    try low.withUnsafeBufferPointer { l in
                        try close.withUnsafeBufferPointer { c in
                            try volume.withUnsafeBufferPointer { v in
                                try amount.withUnsafeBufferPointer { a in
                                    try body(BarSeriesView(times: t, open: o, high: h, low: l, close: c, volume: v, amount: a))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
