// huice-bench: runs the benchmark workloads of ../shared/data/bench (see its README) in the
// generic profile (whose final values must equal answers.json to the cent) and in the A-share
// profile, and reports bars per second (simulation only: data in memory, panel built), the time
// to load the data files and peak memory. Release build:
//
//     swift run -c release huice-bench [--data ../shared/data/bench] [--repeat 5] [--json out.json]
import Foundation
import HuiceCore
import MarketData
import Runtime

struct Options {
    var dataDirectory = "../shared/data/bench"
    var jsonPath: String?
    /// Where `--workloads charts` also writes its rendered SVG (for looking at it).
    var chartsSVGPath: String?
    var repeats = 5
    var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    var workloads: Set<String> = ["w1", "w2", "w3"]
    var profiles = ["generic", "ashare"]

    init(_ arguments: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fatalError("\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--data": dataDirectory = value()
            case "--json": jsonPath = value()
            case "--charts-svg": chartsSVGPath = value()
            case "--repeat": repeats = max(1, Int(value()) ?? 5)
            case "--workers": workers = max(1, Int(value()) ?? workers)
            case "--workloads": workloads = Set(value().split(separator: ",").map(String.init))
            case "--profiles": profiles = value().split(separator: ",").map(String.init)
            case "-h", "--help":
                print("usage: huice-bench [--data DIR] [--repeat N] [--workers N] [--workloads w1,w2,w3,optimize,charts,stockpage] [--profiles generic,ashare] [--json FILE] [--charts-svg FILE]")
                exit(0)
            default: fatalError("unknown argument \(arguments[i])")
            }
            i += 1
        }
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let answers: BenchmarkAnswers
do {
    answers = try BenchmarkAnswers.load(from: options.dataDirectory)
} catch {
    FileHandle.standardError.write(Data("error: cannot read \(options.dataDirectory)/answers.json (pass --data DIR, the benchmark folder): \(error.localizedDescription)\n".utf8))
    exit(2)
}
let importer = MarketDataImporter()

func best<T>(_ repeats: Int, _ body: () throws -> (T, Double)) rethrows -> (T, Double) {
    try timed(repeats, body).fastest
}

/// Runs `body` `repeats` times: the fastest run and the median seconds.
func timed<T>(_ repeats: Int, _ body: () throws -> (T, Double)) rethrows -> (fastest: (T, Double), median: Double) {
    var fastest: (T, Double)?
    var all: [Double] = []
    for _ in 0..<repeats {
        let run = try body()
        all.append(run.1)
        if fastest == nil || run.1 < fastest!.1 { fastest = run }
    }
    all.sort()
    let median = all.count % 2 == 1 ? all[all.count / 2] : (all[all.count / 2 - 1] + all[all.count / 2]) / 2
    return (fastest!, median)
}

/// Resets the kernel's peak-RSS counter to the current RSS (Linux) and returns that RSS, so each
/// workload reports its own peak and what its runs added on top of the data already in memory.
func resetPeakMemory() -> Double {
    #if os(Linux)
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    #endif
    return ProcessClock.residentMegabytes()
}

let calibration = ProcessClock.calibrationSeconds()
let bandwidth = ProcessClock.memoryBandwidth()
print("huice-bench: data \(options.dataDirectory), \(options.repeats) runs each, W1 on \(options.workers) worker(s); "
      + "host: CPU calibration \(String(format: "%.3f", calibration)) s (lower is faster), memory \(String(format: "%.1f", bandwidth)) GB/s")
let needsDaily = !options.workloads.isDisjoint(with: ["w1", "w3"])
let needsMinute = options.workloads.contains("w2")
let loadRepeats = min(3, options.repeats)
let (daily, dailyLoad) = needsDaily
    ? try best(loadRepeats) { try ProcessClock.measure { try importer.importDirectory(at: options.dataDirectory + "/daily") } }
    : (ImportResult(data: MarketDataSet(), report: ImportReport()), 0)
let (minute, minuteLoad) = needsMinute
    ? try best(loadRepeats) { try ProcessClock.measure { try importer.importFile(at: options.dataDirectory + "/minute/MIN000.csv") } }
    : (ImportResult(data: MarketDataSet(), report: ImportReport()), 0)
if needsDaily { print("load: 500 daily files, \(daily.data.barCount) bars, in \(String(format: "%.3f", dailyLoad)) s") }
if needsMinute { print("load: MIN000.csv, \(minute.data.barCount) bars, in \(String(format: "%.3f", minuteLoad)) s") }

let codes = daily.data.codes
let w1Panels = codes.prefix(100).map { Workloads.panel(daily.data.series[$0]!) }
let w2Panel = minute.data.series.values.first.map(Workloads.panel)
let w3Panel = codes.isEmpty ? nil : MarketPanel(data: daily.data, codes: codes, sessions: daily.data.series[codes[0]]!.times)

var report: [String: [String: [String: Any]]] = [:]
var mismatches: [String] = []

@MainActor
func record(_ workload: String, _ profile: String, _ outcome: Workloads.Outcome, median: Double, load: Double, before: Double) {
    let peak = ProcessClock.peakResidentMegabytes()
    var entry: [String: Any] = [
        "bars_per_second": outcome.barsPerSecond.rounded(), "seconds": outcome.seconds, "load_seconds": load,
        "median_seconds": median, "median_bars_per_second": (Double(outcome.bars) / median).rounded(),
        "peak_rss_mb": (peak * 10).rounded() / 10, "run_memory_mb": (max(0, peak - before) * 10).rounded() / 10,
        "orders": outcome.orders, "bars": outcome.bars,
    ]
    let values = outcome.finalValues.mapValues(\.yuan)
    entry["final_value"] = workload == "w1" ? values as Any : values.values.first! as Any
    report[workload, default: [:]][profile] = entry
    print(String(format: "%@ %-8@ best %11.0f bars/s (%.4f s), median %11.0f bars/s  peak %6.1f MB (runs +%5.1f MB)  orders %6d  final %@",
                 workload, profile, outcome.barsPerSecond, outcome.seconds, Double(outcome.bars) / median, peak,
                 max(0, peak - before), outcome.orders,
                 workload == "w1" ? "(per symbol)" : (values.values.first.map { String(format: "%.2f", $0) } ?? "")))
}

for profile in options.profiles {
    var w1: Workloads.Outcome?
    var w2: Workloads.Outcome?
    var w3: Workloads.Outcome?
    if options.workloads.contains("w1") {
        let before = resetPeakMemory()
        let runs = timed(options.repeats) { let o = Workloads.w1(w1Panels, profile: profile, workers: options.workers); return (o, o.seconds) }
        w1 = runs.fastest.0
        record("w1", profile, w1!, median: runs.median, load: dailyLoad, before: before)
    }
    if let w2Panel {
        let before = resetPeakMemory()
        let runs = timed(options.repeats) { let o = Workloads.w2(w2Panel, profile: profile); return (o, o.seconds) }
        w2 = runs.fastest.0
        record("w2", profile, w2!, median: runs.median, load: minuteLoad, before: before)
    }
    if options.workloads.contains("w3"), let w3Panel {
        let before = resetPeakMemory()
        let runs = timed(options.repeats) { let o = Workloads.w3(w3Panel, profile: profile); return (o, o.seconds) }
        w3 = runs.fastest.0
        record("w3", profile, w3!, median: runs.median, load: dailyLoad, before: before)
    }

    guard profile == "generic" else { continue }
    if let w1 {
        for (symbol, expected) in answers.w1 where w1.finalValues[symbol] != expected.money
            || w1.entries[symbol] != expected.entries || w1.exits[symbol] != expected.exits {
            mismatches.append("W1 \(symbol): \(w1.finalValues[symbol].map(\.description) ?? "-") "
                              + "entries \(w1.entries[symbol] ?? -1) exits \(w1.exits[symbol] ?? -1), expected \(expected.finalValue)")
        }
    }
    if let w2, w2.finalValues["MIN000"] != answers.w2.money || w2.entries["MIN000"] != answers.w2.entries
        || w2.exits["MIN000"] != answers.w2.exits {
        mismatches.append("W2: \(w2.finalValues["MIN000"]!) entries \(w2.entries["MIN000"]!) exits \(w2.exits["MIN000"]!), expected \(answers.w2.finalValue)")
    }
    if let w3, w3.finalValues["portfolio"] != answers.w3.money || w3.orders != answers.w3.orders {
        mismatches.append("W3: \(w3.finalValues["portfolio"]!) orders \(w3.orders), expected \(answers.w3.finalValue) orders \(answers.w3.orders ?? -1)")
    }
}

if options.workloads.contains("optimize") {
    let sym000 = try importer.importFile(at: options.dataDirectory + "/daily/SYM000.csv").data
    let before = resetPeakMemory()
    let runs = try timed(options.repeats) { let o = try OptimizeWorkload.run(sym000); return (o, o.seconds) }
    let o = runs.fastest.0
    let peak = ProcessClock.peakResidentMegabytes()
    print(String(format: "optimize: %d combinations × %d days, best %.3f s (%.0f backtests/s), median %.3f s  peak %6.1f MB  best: %@",
                 o.combinations, o.bars, o.seconds, Double(o.combinations) / o.seconds, runs.median, peak, o.best))
    report["optimize"] = ["generic": ["combinations": o.combinations, "days": o.bars, "seconds": o.seconds,
                                      "median_seconds": runs.median, "backtests_per_second": (Double(o.combinations) / o.seconds).rounded(),
                                      "peak_rss_mb": (peak * 10).rounded() / 10, "run_memory_mb": (max(0, peak - before) * 10).rounded() / 10,
                                      "best": o.best]]
}

if options.workloads.contains("charts") {
    let sym000 = try importer.importFile(at: options.dataDirectory + "/daily/SYM000.csv").data
    let chart = ChartsWorkload.chart(sym000.series.values.first!)
    let runs = timed(max(options.repeats, 5)) { let o = ChartsWorkload.run(chart); return (o, o.seconds) }
    let o = runs.fastest.0
    print(String(format: "charts: K-line of %d bars with volume, MA5/MA20 and MACD to SVG (%d bytes), best %.1f ms, median %.1f ms",
                 o.bars, o.bytes, o.seconds * 1000, runs.median * 1000))
    report["charts"] = ["svg": ["bars": o.bars, "bytes": o.bytes, "seconds": o.seconds, "median_seconds": runs.median]]
    if let path = options.chartsSVGPath {
        // The rendered chart, for a person to look at (a browser opens it as it is).
        try chart.svg().write(toFile: path, atomically: true, encoding: .utf8)
        print("charts: SVG written to \(path)")
    }
}

if options.workloads.contains("stockpage") {
    let sym000 = try importer.importFile(at: options.dataDirectory + "/daily/SYM000.csv").data
    let bars = sym000.series.values.first?.count ?? 0
    let (route, request, store) = try await StockPageWorkload.prepare(sym000)
    var outcomes: [StockPageWorkload.Outcome] = []
    for _ in 0..<max(options.repeats, 5) { outcomes.append(try await StockPageWorkload.run(route: route, request: request, bars: bars)) }
    try await store.close()
    let sorted = outcomes.map(\.seconds).sorted()
    let best = sorted[0], median = sorted[sorted.count / 2]
    print(String(format: "stockpage: /data/stock page of %d bars (10 years) with MA, BOLL, MACD, RSI, KDJ: %d bytes of HTML, best %.1f ms, median %.1f ms",
                 bars, outcomes[0].bytes, best * 1000, median * 1000))
    report["stockpage"] = ["html": ["bars": bars, "bytes": outcomes[0].bytes, "seconds": best, "median_seconds": median]]
}

if mismatches.isEmpty {
    if options.profiles.contains("generic") && options.workloads.contains(where: { $0.hasPrefix("w") }) {
        print("generic profile: \(options.workloads.filter { $0.hasPrefix("w") }.sorted().joined(separator: ", ")) equal answers.json to the cent "
              + "(final values, entries/exits, orders)")
    }
} else {
    print("MISMATCHES against answers.json:")
    for line in mismatches { print("  " + line) }
}
for workload in ["w1", "w2", "w3"] { report[workload]?["generic"]?["answers_match"] = mismatches.allSatisfy { !$0.hasPrefix(workload.uppercased()) } }

if let path = options.jsonPath {
    var document: [String: Any] = report
    document["host"] = ["calibration_seconds": calibration, "memory_gb_per_second": bandwidth,
                        "cores": ProcessInfo.processInfo.activeProcessorCount,
                        "w1_workers": options.workers, "repeats": options.repeats]
    let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: path))
    print("figures written to \(path)")
}
exit(mismatches.isEmpty ? 0 : 1)
