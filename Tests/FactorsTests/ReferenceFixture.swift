import Foundation
import HuiceCore
import MarketData
@testable import Factors

/// A reference fixture written by `scripts/make_talib_fixtures.py`: bars of the real 600036.SH
/// series and of a synthetic edge-case series, and per column (`<spec>|<output name>`) the
/// reference values, NaN where the reference leaves the indicator undefined.
struct ReferenceFixture: Sendable {
    struct Column: Sendable {
        var header: String
        var spec: IndicatorSpec
        var output: String
    }

    struct Series: Sendable {
        var name: String
        var bars: BarSeries
        /// Reference values by column header.
        var expected: [String: [Double]]
    }

    var columns: [Column]
    var series: [Series]

    /// The distinct specs, in column order.
    var specs: [IndicatorSpec] {
        var seen = Set<String>()
        return columns.compactMap { seen.insert($0.spec.text).inserted ? $0.spec : nil }
    }

    static let talib = load("talib_reference")
    static let tdx = load("tdx_reference")

    static func load(_ name: String) -> ReferenceFixture {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("missing fixture \(name).csv; run scripts/make_talib_fixtures.py")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("#") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let columns = header.dropFirst(6).map { name -> Column in
            let parts = name.split(separator: "|").map(String.init)
            return Column(header: name, spec: try! IndicatorSpec(parsing: parts[0]), output: parts[1])
        }
        var order: [String] = []
        var bars: [String: BarSeries] = [:]
        var expected: [String: [String: [Double]]] = [:]
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let label = String(cells[0])
            if bars[label] == nil {
                order.append(label)
                bars[label] = BarSeries(code: StockCode(normalizing: "600036.SH")!)
                expected[label] = [:]
            }
            let day = TradingDay(parsing: cells[1].replacingOccurrences(of: "-", with: ""))!
            let high = Price(parsing: cells[2])!, low = Price(parsing: cells[3])!, close = Price(parsing: cells[4])!
            bars[label]!.append(time: BarTime(day: day), open: close, high: high, low: low, close: close,
                                volume: Int64(cells[5])!)
            for (j, column) in columns.enumerated() {
                let cell = cells[6 + j]
                expected[label]![column.header, default: []].append(cell.isEmpty ? .nan : Double(cell)!)
            }
        }
        return ReferenceFixture(columns: columns,
                                series: order.map { Series(name: $0, bars: bars[$0]!, expected: expected[$0]!) })
    }
}

/// Where `actual` and `expected` disagree: NaN in one and not the other, or values further apart
/// than `relative` · max(|a|, |e|) and the absolute floor `absolute` (values that cross zero,
/// like MACD's, have no meaningful relative error near the crossing). At most `limit` messages.
func disagreements(_ actual: [Double], _ expected: [Double], relative: Double = 1e-9, absolute: Double = 1e-12,
                   limit: Int = 5) -> [String] {
    guard actual.count == expected.count else { return ["\(actual.count) values, expected \(expected.count)"] }
    var found: [String] = []
    for i in actual.indices {
        let a = actual[i], e = expected[i]
        let bad: Bool
        if a.isNaN || e.isNaN {
            bad = a.isNaN != e.isNaN
        } else {
            let difference = Swift.abs(a - e)
            bad = difference > Swift.max(relative * Swift.max(Swift.abs(a), Swift.abs(e)), absolute)
        }
        if bad {
            found.append("row \(i): \(a) vs \(e)")
            if found.count == limit { break }
        }
    }
    return found
}

/// The rows whose values differ in their bits (NaN equal to NaN).
func bitDifferences(_ actual: [Double], _ expected: [Double]) -> [Int] {
    actual.indices.filter { i in
        !(actual[i].bitPattern == expected[i].bitPattern || (actual[i].isNaN && expected[i].isNaN))
    }
}
