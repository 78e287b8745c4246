import HuiceCore

/// Parsed bar rows of one file, in file order, as raw columns that grow by doubling.
///
/// The bar readers write every row here (one bounds check per row instead of nine array
/// appends, which profiling showed to cost as much as the parsing) and cut the columns into one
/// `BarSeries` per stock at the end: a straight copy for a one-stock file, a gather for the rows
/// of each stock in a multi-stock file.
struct RowColumns: ~Copyable {
    private(set) var count = 0
    private var capacity: Int
    private var times: UnsafeMutablePointer<BarTime>
    private var open: UnsafeMutablePointer<Price>
    private var high: UnsafeMutablePointer<Price>
    private var low: UnsafeMutablePointer<Price>
    private var close: UnsafeMutablePointer<Price>
    private var preClose: UnsafeMutablePointer<Price>
    private var volume: UnsafeMutablePointer<Int64>
    private var amount: UnsafeMutablePointer<Money>
    private var lines: UnsafeMutablePointer<Int32>
    /// Index of the row's stock in the reader's code list.
    private var stocks: UnsafeMutablePointer<Int32>

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        times = .allocate(capacity: self.capacity)
        open = .allocate(capacity: self.capacity)
        high = .allocate(capacity: self.capacity)
        low = .allocate(capacity: self.capacity)
        close = .allocate(capacity: self.capacity)
        preClose = .allocate(capacity: self.capacity)
        volume = .allocate(capacity: self.capacity)
        amount = .allocate(capacity: self.capacity)
        lines = .allocate(capacity: self.capacity)
        stocks = .allocate(capacity: self.capacity)
    }

    deinit {
        times.deallocate(); open.deallocate(); high.deallocate(); low.deallocate(); close.deallocate()
        preClose.deallocate(); volume.deallocate(); amount.deallocate(); lines.deallocate(); stocks.deallocate()
    }

    @inline(__always)
    mutating func append(stock: Int, time: BarTime, open o: Price, high h: Price, low l: Price, close c: Price,
                         preClose p: Price, volume v: Int64, amount a: Money, line: Int) {
        if count == capacity { grow() }
        let i = count
        (times + i).initialize(to: time)
        (open + i).initialize(to: o)
        (high + i).initialize(to: h)
        (low + i).initialize(to: l)
        (close + i).initialize(to: c)
        (preClose + i).initialize(to: p)
        (volume + i).initialize(to: v)
        (amount + i).initialize(to: a)
        (lines + i).initialize(to: Int32(clamping: line))
        (stocks + i).initialize(to: Int32(truncatingIfNeeded: stock))
        count = i + 1
    }

    func time(at row: Int) -> BarTime { times[row] }
    func line(at row: Int) -> Int32 { lines[row] }
    func stock(at row: Int) -> Int { Int(stocks[row]) }

    /// All rows as one series (a one-stock file), with their lines.
    func series(code: StockCode) -> (BarSeries, [Int32]) {
        func copy<T>(_ column: UnsafeMutablePointer<T>) -> [T] { Array(UnsafeBufferPointer(start: column, count: count)) }
        let series = BarSeries(code: code, times: copy(times), open: copy(open), high: copy(high), low: copy(low),
                               close: copy(close), preClose: copy(preClose), volume: copy(volume), amount: copy(amount))
        return (series, copy(lines))
    }

    /// The rows at `rows` (in that order) as one series, with their lines.
    func series(code: StockCode, rows: [Int]) -> (BarSeries, [Int32]) {
        func gather<T>(_ column: UnsafeMutablePointer<T>) -> [T] { rows.map { column[$0] } }
        let series = BarSeries(code: code, times: gather(times), open: gather(open), high: gather(high), low: gather(low),
                               close: gather(close), preClose: gather(preClose), volume: gather(volume),
                               amount: gather(amount))
        return (series, gather(lines))
    }

    private mutating func grow() {
        let larger = capacity * 2
        func moved<T>(_ column: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let bigger = UnsafeMutablePointer<T>.allocate(capacity: larger)
            bigger.moveInitialize(from: column, count: count)
            column.deallocate()
            return bigger
        }
        times = moved(times); open = moved(open); high = moved(high); low = moved(low); close = moved(close)
        preClose = moved(preClose); volume = moved(volume); amount = moved(amount); lines = moved(lines)
        stocks = moved(stocks)
        capacity = larger
    }
}
