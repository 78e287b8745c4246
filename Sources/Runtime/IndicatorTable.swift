import Factors
import Foundation
import HuiceCore
import MarketData

/// One stock's indicators, one row per bar: what `huice indicators` writes as CSV.
///
/// The CSV contract (docs/INDICATORS.md): a header `date` followed by every spec's
/// `IndicatorSpec.outputNames` in the order the specs were given; one row per bar in time order;
/// `date` as `YYYY-MM-DD` (with ` HH:MM:SS` for intraday bars); numbers in Swift's shortest
/// round-trip form (`Double.description`: `8.27`, `75489139.0`, `1e-05`), so a reader gets back the
/// exact doubles; an empty cell where the indicator is not (yet) defined.
public struct IndicatorTable: Sendable {
    public let code: StockCode
    public let style: IndicatorStyle
    public let specs: [IndicatorSpec]
    /// `date`, then the output columns.
    public let header: [String]
    public let times: [BarTime]
    /// One array per output column (the header without `date`), one value per bar.
    public let columns: [[Double]]

    /// Parses specs given as comma-separated lists (`sma:5,ema:12`, possibly several lists), in
    /// order. Throws the first bad spec's `IndicatorSpecError`, or an `IndicatorTableError` when no
    /// spec is given or two specs would write the same column (`macd:12:26:9,macd:5:10:3`).
    public static func specs(parsing lists: [String]) throws -> [IndicatorSpec] {
        var specs: [IndicatorSpec] = []
        for list in lists {
            for token in list.split(separator: ",", omittingEmptySubsequences: false) {
                let text = token.trimmingASCIIWhitespace()
                if text.isEmpty { continue }
                specs.append(try IndicatorSpec(parsing: String(text)))
            }
        }
        try checkColumns(specs)
        return specs
    }

    /// The table of `specs` over `series` in `style`.
    public init(series: BarSeries, specs: [IndicatorSpec], style: IndicatorStyle) throws {
        try Self.checkColumns(specs)
        code = series.code
        self.style = style
        self.specs = specs
        header = ["date"] + specs.flatMap(\.outputNames)
        times = series.times
        columns = series.withView { bars in IndicatorCalculator.compute(specs, style: style, bars: bars).flatMap { $0 } }
    }

    /// The table for the stock `stock` (any spelling `StockCode(normalizing:)` accepts: `600036`,
    /// `600036.SH`, `sh600036`) in `data`.
    public init(data: MarketDataSet, stock: String, specs: [IndicatorSpec], style: IndicatorStyle) throws {
        guard let code = StockCode(normalizing: stock) else {
            throw IndicatorTableError(field: "stock", reason: "'\(stock)' is not a stock code")
        }
        guard let series = data.series[code] else {
            let held = data.codes.prefix(10).map(\.description).joined(separator: ", ")
            let more = data.codes.count > 10 ? ", … (\(data.codes.count) in all)" : ""
            throw IndicatorTableError(
                stock: code.description,
                reason: data.codes.isEmpty ? "the data holds no bars" : "not in the data (it holds \(held)\(more))")
        }
        try self.init(series: series, specs: specs, style: style)
    }

    /// The table as CSV text (LF line ends, a final newline).
    public var csv: String {
        var text = header.joined(separator: ",") + "\n"
        text.reserveCapacity(times.count * (11 + 20 * columns.count))
        for (row, time) in times.enumerated() {
            text += time.hasTimeOfDay ? "\(time.day.isoString) \(time.timeString)" : time.day.isoString
            for column in columns {
                text += ","
                let value = column[row]
                if !value.isNaN { text += value.description }
            }
            text += "\n"
        }
        return text
    }

    /// Writes `csv` to `path` whole or not at all: the bytes go to a temporary file beside it that
    /// is then renamed over `path` (`Data.WritingOptions.atomic`), so a failed write leaves no
    /// half-written file behind.
    public func write(to path: String) throws {
        do {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw IndicatorTableError(file: path, reason: "cannot write the file (\(error.localizedDescription))")
        }
    }

    /// Fails when two specs would write a column of the same name (or when there are none).
    static func checkColumns(_ specs: [IndicatorSpec]) throws {
        guard !specs.isEmpty else { throw IndicatorTableError(field: "indicators", reason: "no indicators given") }
        var writer: [String: IndicatorSpec] = [:]
        for spec in specs {
            for name in spec.outputNames {
                if let earlier = writer[name] {
                    let what = earlier == spec ? "\(spec.text) is given twice" : "\(earlier.text) and \(spec.text) both write the column '\(name)'"
                    throw IndicatorTableError(field: "indicators", reason: "\(what); give each indicator once (compute other parameters in a separate run)")
                }
                writer[name] = spec
            }
        }
    }
}
