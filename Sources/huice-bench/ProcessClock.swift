import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall time and memory of this process, for the benchmark report.
enum ProcessClock {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

    /// Times `body`, returning its value and the elapsed seconds.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let value = try body()
        return (value, seconds(since: start))
    }

    /// Seconds a fixed CPU-bound loop takes (a dependent chain of 50 million xorshift steps): the
    /// host's speed at the time of a benchmark run, since a shared virtual machine's speed swings.
    static func calibrationSeconds() -> Double {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        let (result, seconds) = measure { () -> UInt64 in
            for _ in 0..<50_000_000 {
                x ^= x << 13
                x ^= x >> 7
                x ^= x << 17
            }
            return x
        }
        if result == 42 { print("") }  // keeps the loop from being optimised away
        return seconds
    }

    /// Memory bandwidth in GB/s: summing a 256 MiB buffer (already faulted in) four times. A shared
    /// host's neighbours slow memory more than arithmetic, and the engine's loops are memory-bound.
    static func memoryBandwidth() -> Double {
        let count = 32 << 20  // 256 MiB of UInt64
        let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        defer { buffer.deallocate() }
        for i in 0..<count { buffer[i] = UInt64(truncatingIfNeeded: i) }
        var total: UInt64 = 0
        let (_, seconds) = measure {
            for _ in 0..<4 {
                for i in 0..<count { total &+= buffer[i] }
            }
        }
        if total == 42 { print("") }
        return Double(count * 8 * 4) / seconds / 1e9
    }

    /// Peak resident set size so far in MiB (VmHWM from /proc/self/status; ru_maxrss elsewhere).
    static func peakResidentMegabytes() -> Double {
        #if os(Linux)
        if let kilobytes = statusField("VmHWM:") { return kilobytes / 1024 }
        #endif
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_maxrss) / 1024
    }

    /// Current resident set size in MiB (VmRSS; 0 where /proc is missing).
    static func residentMegabytes() -> Double {
        #if os(Linux)
        return (statusField("VmRSS:") ?? 0) / 1024
        #else
        return 0
        #endif
    }

    #if os(Linux)
    /// A kB field of /proc/self/status.
    private static func statusField(_ name: String) -> Double? {
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let bytes = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix(name) { return Double(text.filter(\.isNumber)) }
        }
        return nil
    }
    #endif
}
