import Foundation
import HuiceCore
import Testing
@testable import MarketData

/// Factor files written to a fresh temporary directory, imported with a small hand-made map (the
/// registry's own map is tested in FactorsTests).
struct FactorFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("huice-factors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ lines: [String]) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    static let map = FactorColumnMap([
        .init(name: "pe_ratio", aliases: ["pe"], columns: ["pe_ttm", "pe"]),
        .init(name: "pb_ratio", aliases: ["pb"], columns: ["pb"]),
        .init(name: "turnover_rate", aliases: ["turnover"], columns: ["turnover_rate"]),
        .init(name: "total_mv", columns: ["total_mv"]),
        .init(name: "roe", columns: ["roe"]),
        .init(name: "gross_margin", columns: ["grossprofit_margin", "gross_margin"]),
        .init(name: "news_sentiment", aliases: ["sentiment"], columns: ["news_sentiment", "sentiment"]),
        .init(name: "rsi"),
    ])

    func importing(_ urls: [URL], skipInvalidRows: Bool = false) throws(DataImportError) -> FactorImportResult {
        try FactorDataImporter.importFiles(urls, columns: Self.map, options: FactorImportOptions(skipInvalidRows: skipInvalidRows))
    }

    /// The error a strict import of `urls` throws, or nil.
    func error(_ urls: [URL]) -> DataImportError? {
        do throws(DataImportError) {
            _ = try importing(urls)
            return nil
        } catch {
            return error
        }
    }
}

func observation(_ code: String, _ factor: String, _ observed: Int32, _ published: Int32, _ value: Double) -> FactorObservation {
    FactorObservation(code: StockCode(normalizing: code)!, factor: factor, observed: day(observed), published: day(published),
                      value: value)
}

@Suite("Factor data import")
struct FactorImportTests {
    // MARK: daily_basic

    @Test("daily_basic: each value observed and visible on trade_date; pe_ttm preferred over pe; empty cells are no observation")
    func dailyBasic() throws {
        let files = try FactorFiles()
        let url = try files.write("daily_basic.csv", [
            "TS_CODE,Trade_Date,close,turnover_rate,pe,pe_ttm,pb,total_mv,free_share",
            "600000.SH,20240103,10.30,0.52,6.1,5.9,0.48,3023000.5,100",
            "sz000001,2024-01-03,9.40,0.81,4.2,,0.55,1824000,200",
            "1,20240102,9.39,0.70,4.3,4.0,0.56,,200",
        ])
        let result = try files.importing([url])
        #expect(result.data.observations == [
            observation("000001.SZ", "pb_ratio", 20240102, 20240102, 0.56),
            observation("000001.SZ", "pb_ratio", 20240103, 20240103, 0.55),
            observation("000001.SZ", "pe_ratio", 20240102, 20240102, 4.0),
            observation("000001.SZ", "total_mv", 20240103, 20240103, 1_824_000),
            observation("000001.SZ", "turnover_rate", 20240102, 20240102, 0.70),
            observation("000001.SZ", "turnover_rate", 20240103, 20240103, 0.81),
            observation("600000.SH", "pb_ratio", 20240103, 20240103, 0.48),
            observation("600000.SH", "pe_ratio", 20240103, 20240103, 5.9),
            observation("600000.SH", "total_mv", 20240103, 20240103, 3_023_000.5),
            observation("600000.SH", "turnover_rate", 20240103, 20240103, 0.52),
        ])
        let file = try #require(result.report.files.first)
        #expect(file.kind == .dailyBasic)
        #expect(file.rowCount == 3)
        #expect(file.observationCount == 10)
        #expect(file.emptyCells == 2)  // 000001's pe_ttm on the 3rd (pe is not a fallback) and total_mv on the 2nd
        #expect(file.columns == [.init(column: "turnover_rate", factor: "turnover_rate"), .init(column: "pe_ttm", factor: "pe_ratio"),
                                 .init(column: "pb", factor: "pb_ratio"), .init(column: "total_mv", factor: "total_mv")])
        #expect(file.ignoredColumns == ["close", "pe (pe_ratio is read from pe_ttm)", "free_share"])
    }

    @Test("daily_basic: pe feeds pe_ratio when the file has no pe_ttm")
    func fallbackColumn() throws {
        let files = try FactorFiles()
        let url = try files.write("basic.csv", ["ts_code,trade_date,pe", "600000.SH,20240103,6.1"])
        #expect(try files.importing([url]).data.observations == [observation("600000.SH", "pe_ratio", 20240103, 20240103, 6.1)])
    }

    @Test("a value that is not a number fails with file, line, column, stock and date")
    func badNumber() throws {
        let files = try FactorFiles()
        let url = try files.write("daily_basic.csv", [
            "ts_code,trade_date,pb,pe_ttm",
            "600000.SH,20240102,0.48,5.9",
            "600000.SH,20240103,0.4B,5.9",
        ])
        let error = try #require(files.error([url]))
        #expect(error.description == "daily_basic.csv:3: field 'pb', stock 600000.SH, date 20240103: '0.4B' is not a number")
        for junk in ["nan", "inf", "1 000", "-", "1e", ".", "0x10"] {
            let bad = try files.write("junk.csv", ["ts_code,trade_date,pb", "600000.SH,20240102,\(junk)"])
            #expect(files.error([bad])?.location.field == "pb", "\(junk)")
        }
    }

    @Test("a bad code or date names its column")
    func badCodeAndDate() throws {
        let files = try FactorFiles()
        let code = try files.write("a.csv", ["ts_code,trade_date,pb", "60000X.SH,20240102,1"])
        #expect(files.error([code])?.description == "a.csv:2: field 'ts_code': '60000X.SH' is not a stock code")
        let date = try files.write("b.csv", ["ts_code,trade_date,pb", "600000.SH,20240230,1"])
        #expect(files.error([date])?.description
                == "b.csv:2: field 'trade_date', stock 600000.SH: '20240230' is not a date (expected YYYYMMDD or YYYY-MM-DD)")
    }

    // MARK: fina_indicator

    @Test("fina_indicator: observed on end_date, visible from ann_date; a restatement is a second vintage")
    func finaIndicatorVintages() throws {
        let files = try FactorFiles()
        let url = try files.write("fina.csv", [
            "ts_code,ann_date,end_date,eps,roe,grossprofit_margin,update_flag,f_note",
            "600000.SH,20240830,20231231,1.1,12.0,30.5,1,x",
            "600000.SH,20240420,20231231,1.0,10.0,,0,x",
            "600000.SH,20240428,20240331,0.3,3.0,29.0,0,x",
        ])
        let result = try files.importing([url])
        #expect(result.data.observations == [
            observation("600000.SH", "gross_margin", 20231231, 20240830, 30.5),
            observation("600000.SH", "gross_margin", 20240331, 20240428, 29.0),
            observation("600000.SH", "roe", 20231231, 20240420, 10.0),
            observation("600000.SH", "roe", 20231231, 20240830, 12.0),
            observation("600000.SH", "roe", 20240331, 20240428, 3.0),
        ])
        #expect(result.data.restatementCount == 1)
        let file = try #require(result.report.files.first)
        #expect(file.kind == .finaIndicator)
        #expect(file.ignoredColumns == ["eps", "f_note"])
        #expect(file.emptyCells == 1)
    }

    @Test("fina_indicator: an announcement before the period ends, or none, is an error")
    func announcementBeforePeriodEnd() throws {
        let files = try FactorFiles()
        let early = try files.write("fina.csv", ["ts_code,ann_date,end_date,roe", "600000.SH,20231230,20231231,10"])
        #expect(files.error([early])?.description == "fina.csv:2: field 'ann_date', stock 600000.SH, date 20231231: "
                + "announced on 20231230, before the report period ends (20231231)")
        let missing = try files.write("fina2.csv", ["ts_code,ann_date,end_date,roe", "600000.SH,,20231231,10"])
        #expect(files.error([missing])?.reason == "empty announcement date: a report cannot be placed in time without it")
    }

    @Test("fina_indicator: of two rows with the same key, the higher update_flag wins; equal rows are kept once")
    func updateFlag() throws {
        let files = try FactorFiles()
        let url = try files.write("fina.csv", [
            "ts_code,ann_date,end_date,roe,update_flag",
            "600000.SH,20240420,20231231,10.0,0",
            "600000.SH,20240420,20231231,10.5,1",
            "600000.SH,20240428,20240331,3.0,0",
            "600000.SH,20240428,20240331,3.0,0",
        ])
        let result = try files.importing([url])
        #expect(result.data.observations == [observation("600000.SH", "roe", 20231231, 20240420, 10.5),
                                             observation("600000.SH", "roe", 20240331, 20240428, 3.0)])
        #expect(result.report.supersededCount == 1)
        #expect(result.report.duplicateCount == 1)
    }

    @Test("two different values for one key fail, naming both places")
    func conflictAcrossFiles() throws {
        let files = try FactorFiles()
        let a = try files.write("a.csv", ["ts_code,trade_date,pb", "600000.SH,20240102,0.48"])
        let b = try files.write("b.csv", ["ts_code,trade_date,pb", "sh600000,20240102,0.49"])
        let error = try #require(files.error([a, b]))
        #expect(error.description == "b.csv:2: field 'pb', stock 600000.SH, date 20240102: a second value for pb_ratio "
                + "observed 20240102, published 20240102: 0.49 here, 0.48 at a.csv:2")
        let same = try files.write("c.csv", ["ts_code,trade_date,pb", "600000,20240102,0.48"])
        let merged = try files.importing([a, same])
        #expect(merged.data.count == 1)
        #expect(merged.report.duplicateCount == 1)
    }

    // MARK: Sentiment

    @Test("sentiment: a publish time after 15:00 is visible the next calendar day; a day's rows are averaged")
    func sentimentTimesAndMeans() throws {
        let files = try FactorFiles()
        let url = try files.write("news.csv", [
            "stock_code,publish_date,news_sentiment,title",
            "600000.SH,2024-01-05 09:30,0.5,a",
            "600000.SH,2024-01-05 15:00:00,0.1,b",    // the close itself: still the 5th
            "600000.SH,2024-01-05 15:00:01,-0.4,c",   // after the close: Saturday the 6th
            "600000.SH,2024-01-06 10:00,0.8,d",       // Saturday: averaged with c
            "000001,20240108,-1,e",
            "000001,20240108,,f",
        ])
        let result = try files.importing([url])
        let o = result.data.observations
        #expect(o.map(\.code) == [code("000001.SZ"), code("600000.SH"), code("600000.SH")])
        #expect(o.map(\.factor) == ["news_sentiment", "news_sentiment", "news_sentiment"])
        #expect(o.map(\.observed) == [day(20240108), day(20240105), day(20240106)])
        #expect(o.map(\.published) == o.map(\.observed))
        #expect(o.map(\.value) == [-1, (0.5 + 0.1) / 2, (-0.4 + 0.8) / 2])
        let file = try #require(result.report.files.first)
        #expect(file.kind == .sentiment)
        #expect(file.rowCount == 6)
        #expect(file.observationCount == 3)
        #expect(file.emptyCells == 1)
        #expect(file.ignoredColumns == ["title"])
    }

    @Test("sentiment outside [-1, 1] is an error")
    func sentimentRange() throws {
        let files = try FactorFiles()
        let url = try files.write("news.csv", ["ts_code,date,sentiment", "600000.SH,20240105,1.01"])
        #expect(files.error([url])?.description
                == "news.csv:2: field 'sentiment', stock 600000.SH, date 20240105: sentiment 1.01 is outside [-1, 1]")
    }

    // MARK: Long format

    @Test("long format: factor names and aliases resolve to canonical names, any registry factor")
    func longFormat() throws {
        let files = try FactorFiles()
        let url = try files.write("long.csv", [
            "stock_code,factor,observed_date,publish_date,value,comment",
            "600000.SH,PE,20240103,20240103,5.9,",
            "600000.SH,roe,2023-12-31,2024-04-20,10,",
            "600000.SH,RSI,20240103,20240103,55.5,",
            "600000.SH,roe,20240331,20240428,,not yet",
        ])
        let result = try files.importing([url])
        #expect(result.data.observations == [
            observation("600000.SH", "pe_ratio", 20240103, 20240103, 5.9),
            observation("600000.SH", "roe", 20231231, 20240420, 10),
            observation("600000.SH", "rsi", 20240103, 20240103, 55.5),
        ])
        #expect(result.report.files.first?.ignoredColumns == ["comment"])
        #expect(result.report.files.first?.emptyCells == 1)
    }

    @Test("long format: an unknown factor names the line and lists the known names; publish before observed fails")
    func longFormatErrors() throws {
        let files = try FactorFiles()
        let unknown = try files.write("long.csv", ["stock_code,factor,observed_date,publish_date,value",
                                                   "600000.SH,p_e,20240103,20240103,5.9"])
        #expect(files.error([unknown])?.description == "long.csv:2: field 'factor', stock 600000.SH: unknown factor 'p_e' "
                + "(known: pe_ratio, pb_ratio, turnover_rate, total_mv, roe, gross_margin, news_sentiment, rsi)")
        let early = try files.write("long2.csv", ["stock_code,factor,observed_date,publish_date,value",
                                                  "600000.SH,roe,20231231,20231230,10"])
        #expect(files.error([early])?.description == "long2.csv:2: field 'publish_date', stock 600000.SH, date 20231231: "
                + "published on 20231230, before the day it describes (20231231)")
    }

    // MARK: Detection and files

    @Test("headers decide the format, in any case and order, comma or tab separated")
    func detection() throws {
        func kind(_ header: String) throws -> FactorFileKind {
            try FactorDataImporter.kind(fileName: "f.csv", bytes: Array((header + "\n").utf8), columns: FactorFiles.map)
        }
        #expect(try kind("ts_code,trade_date,close,pe_ttm") == .dailyBasic)
        #expect(try kind("CODE\tDATE\tturnover_rate") == .dailyBasic)
        #expect(try kind("ts_code,trade_date,gross_margin") == .dailyBasic)  // a registry column, not Tushare's
        #expect(try kind("end_date,ann_date,ts_code,roe") == .finaIndicator)
        #expect(try kind("code,publish_date,news_sentiment") == .sentiment)
        #expect(try kind("ts_code,trade_date,sentiment") == .sentiment)
        #expect(try kind("value,factor,stock_code,publish_date,observed_date") == .long)
        #expect(throws: DataImportError.self) { try kind("ts_code,trade_date,close") }
    }

    @Test("a market data file or an unknown header is refused with the reason")
    func refusals() throws {
        let files = try FactorFiles()
        let bars = try files.write("daily.csv", ["ts_code,trade_date,open,high,low,close,vol", "600000.SH,20240102,1,1,1,1,1"])
        #expect(files.error([bars])?.description
                == "daily.csv:1: not a factor data file: it holds market data (tushareDaily); import it with `huice import`")
        let other = try files.write("other.csv", ["a,b", "1,2"])
        #expect(files.error([other])?.reason.hasPrefix("not a factor data file: header 'a,b' matches no factor format") == true)
        let missing = files.directory.appendingPathComponent("nope.csv")
        #expect(files.error([missing])?.reason == "no such file or directory")
    }

    @Test("a directory import reads factor files recursively and lists the others")
    func directory() throws {
        let files = try FactorFiles()
        try files.write("basic.csv", ["ts_code,trade_date,pb", "600000.SH,20240102,0.48"])
        try files.write("sub/news.csv", ["ts_code,trade_date,sentiment", "600000.SH,20240102,0.1"])
        try files.write("calendar.csv", ["trade_date", "20240102"])
        try files.write("README.md", ["notes"])
        let result = try files.importing([files.directory])
        let name = files.directory.lastPathComponent
        #expect(result.report.files.map(\.file) == ["\(name)/basic.csv", "\(name)/sub/news.csv"])
        #expect(result.report.skippedFiles.map(\.file) == ["\(name)/calendar.csv"])
        #expect(result.data.count == 2)
    }

    @Test("a market-data directory import lists factor files as skipped, saying what they are")
    func marketImportSkipsFactorFiles() throws {
        let files = try FactorFiles()
        try files.write("600000.SH.csv", ["date,open,high,low,close,volume", "20240102,1,1,1,1,100"])
        try files.write("daily_basic.csv", ["ts_code,trade_date,pe_ttm", "600000.SH,20240102,5.9"])
        let result = try MarketDataImporter().importDirectory(at: files.directory.path)
        #expect(result.data.codes == [code("600000.SH")])
        #expect(result.report.skippedFiles == [.init(file: "daily_basic.csv", reason: "unrecognised file: it holds factor data "
                                                     + "(Tushare daily_basic), not market data; import it with `huice factors import`")])
    }

    @Test("skipInvalidRows leaves bad rows out and lists each; strict fails on the first")
    func lenient() throws {
        let files = try FactorFiles()
        let url = try files.write("basic.csv", [
            "ts_code,trade_date,pb,pe_ttm",
            "600000.SH,20240102,0.48,5.9",
            "600000.SH,20240103,0.49,x",
            "600000.SH,2024010,0.50,6.0",
            "600000.SH,20240105,0.51,6.1",
        ])
        #expect(files.error([url])?.location.line == 3)
        let result = try files.importing([url], skipInvalidRows: true)
        #expect(result.data.observations.map(\.observed) == [20240102, 20240105, 20240102, 20240105].map(day))
        #expect(result.report.skippedRows.map { $0.location.line } == [3, 4])
    }

    @Test("an import with one bad file returns nothing, whichever file is bad")
    func atomic() throws {
        let files = try FactorFiles()
        let good = try files.write("a.csv", ["ts_code,trade_date,pb", "600000.SH,20240102,0.48"])
        let bad = try files.write("b.csv", ["ts_code,trade_date,pb", "600000.SH,20240102,?"])
        #expect(files.error([good, bad])?.location.file == "b.csv")
        #expect(files.error([bad, good])?.location.file == "b.csv")
    }

    // MARK: The data set

    @Test("FactorDataSet sorts by code, factor, observed, published; merging lets the other set win on a key")
    func dataSetOrderAndMerge() {
        let a = FactorDataSet(observations: [
            observation("600000.SH", "roe", 20231231, 20240830, 12),
            observation("000001.SZ", "roe", 20231231, 20240420, 8),
            observation("600000.SH", "pb_ratio", 20240102, 20240102, 0.5),
            observation("600000.SH", "roe", 20231231, 20240420, 10),
        ])
        #expect(a.observations.map { "\($0.code) \($0.factor) \($0.published)" } == [
            "000001.SZ roe 20240420", "600000.SH pb_ratio 20240102", "600000.SH roe 20240420", "600000.SH roe 20240830",
        ])
        let b = FactorDataSet(observations: [observation("600000.SH", "roe", 20231231, 20240420, 11),
                                             observation("600000.SH", "roe", 20240331, 20240428, 3)])
        let merged = a.merging(b)
        #expect(merged.count == 5)
        #expect(merged.observations.first { $0.factor == "roe" && $0.code == code("600000.SH") }?.value == 11)
        #expect(merged.codes == [code("000001.SZ"), code("600000.SH")])
        #expect(merged.factors == ["pb_ratio", "roe"])
        #expect(merged.observedRange == day(20231231)...day(20240331))
        #expect(merged.filtered(factors: ["pb_ratio"]).count == 1)
    }
}
