// Measures MarketDataStore save and load throughput on synthetic daily bars.
// Run in release: swift run -c release storage-bench [stocks] [bars] [path|:memory:] [load]
// With a path the store file is kept; `load` skips the saves (re-use a file saved by a prior run).
import Foundation
import HuiceCore
import MarketData
import Storage

let arguments = CommandLine.arguments.dropFirst()
let stocks = arguments.count > 0 ? Int(arguments[arguments.startIndex])! : 500
let barsPerStock = arguments.count > 1 ? Int(arguments[arguments.startIndex + 1])! : 2_500
let path = arguments.count > 2 ? arguments[arguments.startIndex + 2]
    : FileManager.default.temporaryDirectory.appendingPathComponent("storage-bench-\(UUID().uuidString).sqlite").path

/// Deterministic random walk per stock (xorshift), every column filled (pre_close, amount).
func syntheticSet(stocks: Int, bars: Int) -> MarketDataSet {
    var set = MarketDataSet()
    var days: [TradingDay] = []
    var day = TradingDay(yyyymmdd: 20000103)!
    while days.count < bars {
        if !day.isWeekend { days.append(day) }
        day = day.adding(days: 1)
    }
    set.calendar = TradingCalendar(ascendingDays: days)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return state
    }
    for s in 0..<stocks {
        let code = StockCode(normalizing: String(format: "%06d.SZ", s + 1))!
        var series = BarSeries(code: code, capacity: bars)
        var close: Int64 = 100_000 + Int64(next() % 100_000)
        for d in days {
            let previous = close
            close = max(1_000, close + Int64(next() % 2_001) - 1_000) / 100 * 100
            let open = previous, high = max(open, close) + 100, low = min(open, close) - 100
            let volume = Int64(next() % 10_000_000)
            series.append(time: BarTime(day: d), open: Price(units: open), high: Price(units: high),
                          low: Price(units: low), close: Price(units: close), preClose: Price(units: previous),
                          volume: volume, amount: Money(fen: volume * close / 100))
        }
        set.series[code] = series
    }
    return set
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Process CPU time (all threads, user + system): less sensitive than wall time to other
/// processes competing for the two cores.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func report(_ label: String, rows: Int, _ duration: Duration, cpu: Double) {
    let s = seconds(duration)
    func rate(_ t: Double) -> String { String(format: "%.2f", Double(rows) / t / 1e6) }
    print("\(label): \(rows) rows in \(String(format: "%.3f", s)) s = \(rate(s)) M rows/s"
          + " (CPU \(String(format: "%.3f", cpu)) s = \(rate(cpu)) M rows/CPU-s)")
}

/// Runs `body`, printing wall and CPU throughput for `rows` rows.
func measure(_ label: String, rows: () -> Int, _ body: () async throws -> Void) async rethrows {
    let cpu = cpuSeconds()
    let elapsed = try await ContinuousClock().measure { try await body() }
    report(label, rows: rows(), elapsed, cpu: cpuSeconds() - cpu)
}

let set = syntheticSet(stocks: stocks, bars: barsPerStock)
let rows = set.barCount
print("store: \(path), \(stocks) stocks × \(barsPerStock) bars")
let loadOnly = arguments.count > 3 && arguments[arguments.startIndex + 3] == "load"
let store = try await MarketDataStore.open(path: path)

if !loadOnly {
    try await measure("save (replace, empty store)", rows: { rows }) { try await store.save(set, mode: .replace) }
    try await measure("save (merge, every row an update)", rows: { rows }) { try await store.save(set, mode: .merge) }
}

nonisolated(unsafe) var loaded = MarketDataSet()
for run in 1...5 {
    try await measure("load all (run \(run))", rows: { loaded.barCount }) { loaded = try await store.load() }
}
precondition(loaded.series == set.series, "loaded bars differ from saved bars")
let some = Array(set.codes.prefix(50))
try await measure("load 50 codes", rows: { loaded.barCount }) { loaded = try await store.load(codes: some) }
try await measure("load one year", rows: { loaded.barCount }) {
    loaded = try await store.load(from: TradingDay(yyyymmdd: 20050101), to: TradingDay(yyyymmdd: 20051231))
}
try await store.close()
if arguments.count <= 2 {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
