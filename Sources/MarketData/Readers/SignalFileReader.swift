import Foundation
import HuiceCore

/// Reads seed 002 `BacktestSignal` rows from CSV (a header row with the seed's field names) or
/// JSON (an array of objects, or `{"signals": [...]}`).
///
/// Required: signal_date, stock_code, final_score, recommendation. Everything else of the seed's
/// fields is optional. An unknown column or key is an error (a misspelt `postion_size` must not
/// silently fall back to a default), as is a repeated (signal_date, stock_code) pair. Errors name
/// the file, the line (CSV) or the array index (JSON), the field and the reason.
public enum SignalFileReader {
    public static let requiredFields = ["signal_date", "stock_code", "final_score", "recommendation"]
    public static let optionalFields = [
        "signal_id", "stock_name", "industry_code", "position_size", "integration_mode", "entry", "stop", "target",
        "risk_reward_ratio", "mss_score", "irs_score", "pas_score", "direction", "neutrality", "source", "backtest_state",
    ]

    /// What a run knows to check signals against: signals in `range` must fall on a trading day
    /// of `calendar` and name a stock of `codes`.
    public struct Checks: Sendable {
        public var range: ClosedRange<TradingDay>
        public var calendar: TradingCalendar?
        public var codes: Set<StockCode>

        public init(range: ClosedRange<TradingDay>, calendar: TradingCalendar?, codes: Set<StockCode>) {
            self.range = range
            self.calendar = calendar
            self.codes = codes
        }
    }

    /// Reads the file at `path`; `displayName` names it in errors (default: the path). With
    /// `checks`, a signal inside the run's range on a non-trading day, or for a stock without
    /// data, is an error at its line.
    public static func read(path: String, displayName: String? = nil, checks: Checks? = nil) throws(DataImportError) -> [BacktestSignal] {
        let name = displayName ?? path
        let bytes = try ByteFile.read(path: path, displayName: name)
        let firstByte = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        let signals = firstByte == UInt8(ascii: "[") || firstByte == UInt8(ascii: "{")
            ? try readJSON(bytes, file: name) : try readCSV(bytes, file: name)
        try checkDuplicates(signals.map { ($0.signal, $0.place) }, file: name)
        if let checks {
            for (signal, place) in signals where checks.range.contains(signal.signalDate) {
                let line = place.hasPrefix("line ") ? Int(place.dropFirst(5)) : nil
                let field = line == nil ? place + "." : ""
                if let calendar = checks.calendar, calendar.first.map({ signal.signalDate >= $0 }) ?? false,
                   calendar.last.map({ signal.signalDate <= $0 }) ?? false, !calendar.contains(signal.signalDate) {
                    throw DataImportError(file: name, line: line, field: field + "signal_date", stock: signal.stockCode.description,
                                          date: signal.signalDate.description, reason: "not a trading day")
                }
                if !checks.codes.contains(signal.stockCode) {
                    throw DataImportError(file: name, line: line, field: field + "stock_code", stock: signal.stockCode.description,
                                          date: signal.signalDate.description, reason: "the data has no bars for this stock")
                }
            }
        }
        return signals.map(\.signal)
    }

    // MARK: CSV

    private static func readCSV(_ bytes: [UInt8], file: String) throws(DataImportError) -> [(signal: BacktestSignal, place: String)] {
        var result: [(signal: BacktestSignal, place: String)] = []
        try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            let known = Set(requiredFields + optionalFields)
            for name in table.header.names where !known.contains(name.lowercased()) {
                throw DataImportError(file: file, line: 1, field: name,
                                      reason: "unknown signal column '\(name)' (known: \((requiredFields + optionalFields).joined(separator: ", ")))")
            }
            var columns: [String: Int] = [:]
            for field in requiredFields { columns[field] = try table.require(field) }
            for field in optionalFields { columns[field] = table.optional(field) }
            while table.nextRow() {
                var values: [String: String] = [:]
                for (field, column) in columns {
                    let text = table.text(column).trimmingASCIIWhitespace()
                    if !text.isEmpty { values[field] = String(text) }
                }
                let line = table.line
                let signal = try makeSignal(values) { field, reason in
                    DataImportError(file: file, line: line, field: field, stock: values["stock_code"],
                                    date: values["signal_date"], reason: reason)
                }
                result.append((signal, "line \(line)"))
            }
        }
        return result
    }

    // MARK: JSON

    private static func readJSON(_ bytes: [UInt8], file: String) throws(DataImportError) -> [(signal: BacktestSignal, place: String)] {
        let list: [[String: JSONScalar]]
        do {
            let decoder = JSONDecoder()
            if let array = try? decoder.decode([[String: JSONScalar]].self, from: Data(bytes)) {
                list = array
            } else {
                list = try decoder.decode([String: [[String: JSONScalar]]].self, from: Data(bytes))["signals"] ?? []
            }
        } catch {
            throw DataImportError(file: file, reason: "expected a JSON array of signal objects, or an object with a 'signals' array (\(error))")
        }
        var result: [(signal: BacktestSignal, place: String)] = []
        let known = Set(requiredFields + optionalFields)
        for (index, entry) in list.enumerated() {
            var values: [String: String] = [:]
            for key in entry.keys.sorted() {
                guard known.contains(key) else {
                    throw DataImportError(file: file, field: "[\(index)].\(key)", reason: "unknown signal key '\(key)'")
                }
                switch entry[key]! {
                case .text(let text): values[key] = text
                case .number(let number): values[key] = number
                case .null: continue
                case .boolean:
                    throw DataImportError(file: file, field: "[\(index)].\(key)", reason: "expected a string or a number, not a boolean")
                }
            }
            let signal = try makeSignal(values) { field, reason in
                DataImportError(file: file, field: "[\(index)].\(field)", stock: values["stock_code"],
                                date: values["signal_date"], reason: reason)
            }
            result.append((signal, "[\(index)]"))
        }
        return result
    }

    // MARK: Fields

    private static func makeSignal(
        _ values: [String: String], _ problem: (String, String) -> DataImportError
    ) throws(DataImportError) -> BacktestSignal {
        func required(_ field: String) throws(DataImportError) -> String {
            guard let value = values[field] else { throw problem(field, "required field is missing or empty") }
            return value
        }
        func number(_ field: String) throws(DataImportError) -> Double? {
            guard let text = values[field] else { return nil }
            guard let value = Double(text), value.isFinite else { throw problem(field, "'\(text)' is not a finite number") }
            return value
        }
        func price(_ field: String) throws(DataImportError) -> Price? {
            guard let text = values[field] else { return nil }
            guard let price = Price(parsing: text), price.units > 0 else { throw problem(field, "'\(text)' is not a positive price") }
            return price
        }
        let dayText = try required("signal_date")
        guard let day = TradingDay(parsing: dayText) else {
            throw problem("signal_date", "'\(dayText)' is not a date (expected YYYYMMDD or YYYY-MM-DD)")
        }
        let codeText = try required("stock_code")
        guard let code = StockCode(normalizing: codeText) else { throw problem("stock_code", "'\(codeText)' is not a stock code") }
        guard let score = try number("final_score") else { throw problem("final_score", "required field is missing or empty") }
        let recommendationText = try required("recommendation")
        guard let recommendation = Recommendation(parsing: recommendationText) else {
            throw problem("recommendation", "'\(recommendationText)' is not one of STRONG_BUY, BUY, HOLD, SELL, AVOID")
        }
        let size = try number("position_size")
        if let size, !(0...1).contains(size) { throw problem("position_size", "\(size) is outside 0…1") }
        var signal = BacktestSignal(
            signalID: values["signal_id"], signalDate: day, stockCode: code, finalScore: score,
            recommendation: recommendation, positionSize: size, entry: try price("entry"), stop: try price("stop"),
            target: try price("target"))
        signal.stockName = values["stock_name"]
        signal.industryCode = values["industry_code"]
        signal.integrationMode = values["integration_mode"]
        signal.riskRewardRatio = try number("risk_reward_ratio")
        signal.mssScore = try number("mss_score")
        signal.irsScore = try number("irs_score")
        signal.pasScore = try number("pas_score")
        signal.direction = values["direction"]
        signal.neutrality = try number("neutrality")
        if let text = values["source"] {
            guard let source = SignalSource(rawValue: text.lowercased()) else {
                throw problem("source", "'\(text)' is not one of integrated, pas_fallback")
            }
            signal.source = source
        }
        if let text = values["backtest_state"] {
            guard let state = BacktestState(rawValue: text.lowercased()) else {
                throw problem("backtest_state", "'\(text)' is not a backtest state (normal, warn_*, blocked_*)")
            }
            signal.backtestState = state
        }
        return signal
    }

    private static func checkDuplicates(_ signals: [(BacktestSignal, String)], file: String) throws(DataImportError) {
        var seen: [String: String] = [:]
        for (signal, place) in signals {
            let key = "\(signal.signalDate) \(signal.stockCode)"
            if let first = seen[key] {
                throw DataImportError(file: file, field: "stock_code", stock: signal.stockCode.description,
                                      date: signal.signalDate.description,
                                      reason: "a second signal for the same stock and day (\(place); the first is at \(first))")
            }
            seen[key] = place
        }
    }
}

/// A JSON value that may stand in a signal field. Numbers keep their text so prices parse exactly.
enum JSONScalar: Decodable {
    case text(String)
    case number(String)
    case boolean(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let number = try? container.decode(Decimal.self) {
            self = .number("\(number)")
        } else {
            self = .text(try container.decode(String.self))
        }
    }
}
