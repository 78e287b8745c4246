import Foundation
import Testing
import Factors
import HuiceCore
import MarketData
@testable import Runtime

/// The bundled 600036.SH sample file: what `huice indicators --data <file>` loads.
private func sampleStock() async throws -> MarketDataSet {
    let file = (SampleDataSet.dataDirectory as NSString).appendingPathComponent("sh600036_20110728_20170726.csv")
    return try await MarketDataLoader().load(path: file).data
}

private func cells(_ csv: String) -> [[String]] {
    csv.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
}

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("huice-indicators-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("huice indicators: the CSV table")
struct IndicatorTableTests {
    static let contractSpecs = "sma:5,ema:12,rsi:14,macd:12:26:9,boll:20:2,atr:14,stoch:9:3:3,obv"

    @Test("header, one row per bar, empty cells during warm-up, TA-Lib's values")
    func endToEnd() async throws {
        let data = try await sampleStock()
        let specs = try IndicatorTable.specs(parsing: [Self.contractSpecs])
        let table = try IndicatorTable(data: data, stock: "sh600036", specs: specs, style: .talib)
        let rows = cells(table.csv)
        #expect(rows[0] == ["date", "sma_5", "ema_12", "rsi_14", "macd_dif", "macd_dea", "macd_hist", "boll_upper",
                            "boll_middle", "boll_lower", "boll_pctb", "boll_width", "atr_14", "stoch_k", "stoch_d", "obv"])
        #expect(rows.count == 1 + 1444)
        #expect(rows.allSatisfy { $0.count == 16 })
        #expect(rows[1][0] == "2011-07-28" && rows[1444][0] == "2017-07-26")
        let column = Dictionary(uniqueKeysWithValues: rows[0].enumerated().map { ($1, $0) })
        func value(_ name: String, _ row: Int) -> String { rows[1 + row][column[name]!] }
        // Warm-up: SMA(5) from row 4, RSI(14) from 14, BBANDS(20) from 19, MACD from 33, OBV from 0.
        #expect((0..<4).allSatisfy { value("sma_5", $0).isEmpty } && !value("sma_5", 4).isEmpty)
        #expect(value("rsi_14", 13).isEmpty && !value("rsi_14", 14).isEmpty)
        #expect(value("boll_upper", 18).isEmpty && !value("boll_upper", 19).isEmpty)
        #expect(value("macd_dif", 32).isEmpty && !value("macd_dif", 33).isEmpty)
        #expect(value("stoch_k", 11).isEmpty && !value("stoch_k", 12).isEmpty)
        #expect(value("obv", 0) == "75489139.0")
        // The same cells as Tests/FactorsTests/Fixtures/talib_reference.csv (TA-Lib 0.8.1), to the digit.
        #expect(value("sma_5", 4) == "8.402")
        #expect(value("rsi_14", 14) == "46.66666666666668")
        #expect(value("macd_hist", 33) == "-0.014668064417001268")
        #expect(value("boll_upper", 1443) == "26.081866441289346")
        #expect(value("obv", 1443) == "9498806056.0")
    }

    @Test("the 通达信 style is selected by the style: KDJ from the first bar")
    func tdxStyle() async throws {
        let data = try await sampleStock()
        let table = try IndicatorTable(data: data, stock: "600036.SH", specs: IndicatorTable.specs(parsing: ["kdj:9:3:3"]),
                                       style: .tdx)
        let rows = cells(table.csv)
        #expect(rows[0] == ["date", "kdj_k", "kdj_d", "kdj_j"])
        // tdx_reference.csv (pandas, an independent implementation): rows 0 and 1443, within 1e-9
        #expect(Swift.abs(Double(rows[1][3])! - 13.333333333333016) < 1e-9 * 13.3)
        #expect(Swift.abs(Double(rows[1444][3])! - 70.98935564356498) < 1e-9 * 71)
    }

    @Test("a directory of data and a bare code find the stock")
    func directoryAndBareCode() async throws {
        let data = try await MarketDataLoader().load(path: SampleDataSet.dataDirectory).data
        let table = try IndicatorTable(data: data, stock: "600036", specs: IndicatorTable.specs(parsing: ["vr"]), style: .talib)
        #expect(table.code.rawValue == "600036.SH")
        #expect(table.header == ["date", "volume_ratio_5"])
        #expect(table.times.count == 1444)
    }

    @Test("specs may be split over several lists; blanks between commas are ignored")
    func specLists() throws {
        let specs = try IndicatorTable.specs(parsing: ["sma:5, ema:12,", "obv"])
        #expect(specs.map(\.text) == ["sma:5", "ema:12", "obv"])
    }

    @Test("an unknown stock names the codes the data holds")
    func unknownStock() async throws {
        let data = try await sampleStock()
        let specs = try IndicatorTable.specs(parsing: ["sma:5"])
        #expect(throws: IndicatorTableError(stock: "600999.SH", reason: "not in the data (it holds 600036.SH)")) {
            try IndicatorTable(data: data, stock: "600999", specs: specs, style: .talib)
        }
        #expect(throws: IndicatorTableError(field: "stock", reason: "'60@036' is not a stock code")) {
            try IndicatorTable(data: data, stock: "60@036", specs: specs, style: .talib)
        }
    }

    @Test("a bad spec fails with its message")
    func badSpec() {
        #expect(throws: IndicatorSpecError(spec: "macd:12:a:9", reason: "parameter 2 'a' is not an integer")) {
            try IndicatorTable.specs(parsing: ["sma:5,macd:12:a:9"])
        }
    }

    @Test("two specs writing the same columns fail, naming both")
    func duplicateColumns() {
        #expect(throws: IndicatorTableError(
            field: "indicators",
            reason: "macd:12:26:9 and macd:5:10:3 both write the column 'macd_dif'; give each indicator once (compute other parameters in a separate run)")) {
            try IndicatorTable.specs(parsing: ["macd:12:26:9,macd:5:10:3"])
        }
        #expect(throws: IndicatorTableError.self) { try IndicatorTable.specs(parsing: ["sma:5,ma:5"]) }
        #expect(throws: IndicatorTableError(field: "indicators", reason: "no indicators given")) {
            try IndicatorTable.specs(parsing: [" , "])
        }
    }

    @Test("the file is written whole and reads back as the CSV")
    func writesFile() async throws {
        let data = try await sampleStock()
        let table = try IndicatorTable(data: data, stock: "600036", specs: IndicatorTable.specs(parsing: ["sma:5,vol:20"]),
                                       style: .talib)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.csv").path
        try "stale".write(toFile: path, atomically: false, encoding: .utf8)
        try table.write(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == table.csv)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"])
        // Every number reads back as the exact double computed.
        let volatility = table.columns[1]
        let written = cells(table.csv).dropFirst().map { $0[2] }
        for (text, value) in zip(written, volatility) {
            #expect(text.isEmpty ? value.isNaN : Double(text)! == value)
        }
    }

    @Test("an unwritable output fails and leaves nothing behind")
    func unwritableOutput() async throws {
        let data = try await sampleStock()
        let table = try IndicatorTable(data: data, stock: "600036", specs: IndicatorTable.specs(parsing: ["sma:5"]), style: .talib)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("missing/out.csv").path
        #expect(throws: IndicatorTableError.self) { try table.write(to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
