import Foundation
import Runtime

/// Encodes a result exactly as `huice --output` writes it (`writeResult` calls the same function).
func encodeResult(_ result: BacktestResult) throws -> Data { try result.jsonDocument() }

/// A fresh directory for files a test writes.
func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("huice-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Where two documents first differ (line number and both lines), or nil when they are identical.
/// Comparing with `#expect(a == b)` directly would make a failure diff megabytes of bytes.
func firstDifference(_ a: Data, _ b: Data) -> String? {
    guard a != b else { return nil }
    let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for (i, (l, r)) in zip(left, right).enumerated() where l != r {
        return "line \(i + 1): \(l.prefix(120)) ≠ \(r.prefix(120))"
    }
    return "one document is a prefix of the other (\(a.count) vs \(b.count) bytes)"
}
