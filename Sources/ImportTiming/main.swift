// Manual load-time measurement for the MarketData importers (not a test: timings depend on the
// machine). Run in release: `swift run -c release import-timing [directory-or-file …]`.
// Without arguments it times the shared benchmark files.
import Dispatch
import MarketData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// User + system CPU seconds of this process so far: on a shared machine the wall time swings
/// with other jobs, the CPU time much less.
#if canImport(Glibc)
let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let RUSAGE_SELF_WHO = RUSAGE_SELF
#endif

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF_WHO, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func time(_ label: String, repeats: Int = 5, parallel: Bool = true, _ load: (MarketDataImporter) throws -> ImportResult) {
    let importer = MarketDataImporter(options: ImportOptions(parallel: parallel))
    var best = Double.infinity
    var bestCPU = Double.infinity
    var summary = ""
    for _ in 0..<repeats {
        let start = DispatchTime.now()
        let startCPU = cpuSeconds()
        do {
            let result = try load(importer)
            best = min(best, seconds(since: start))
            bestCPU = min(bestCPU, cpuSeconds() - startCPU)
            summary = "\(result.data.series.count) series, \(result.data.barCount) bars, "
                + "\(result.report.skippedFiles.count) files skipped"
        } catch {
            print("\(label): \(error)")
            return
        }
    }
    print("\(label): best of \(repeats): wall \(format(best)) s, CPU \(format(bestCPU)) s (\(summary))")
}

func format(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    return "\(millis / 1000).\(String(repeating: "0", count: 3 - String(millis % 1000).count))\(millis % 1000)"
}

let arguments = Array(CommandLine.arguments.dropFirst())
let targets = arguments.isEmpty
    ? ["/work/shared/data/bench/daily", "/work/shared/data/bench/minute/MIN000.csv"] : arguments
for target in targets {
    if target.hasSuffix(".csv") || target.hasSuffix(".day") || target.hasSuffix(".txt") {
        time(target) { try $0.importFile(at: target) }
    } else {
        time(target) { try $0.importDirectory(at: target) }
        time(target + " (one core)", parallel: false) { try $0.importDirectory(at: target) }
    }
}
