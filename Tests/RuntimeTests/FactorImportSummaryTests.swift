import Foundation
import HuiceCore
import MarketData
import Factors
import Storage
import Testing
@testable import Runtime

private func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }

/// NaN-aware equality.
private func same(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 }
}

@Suite("huice factors import (Runtime) and the bundled factor sample")
struct FactorImportSummaryTests {
    @Test("the summary lists files, columns used and ignored, factors with ranges and restatements, stocks and dates")
    func summaryText() async throws {
        let directory = try temporaryDirectory("factor-summary")
        let basic = directory.appendingPathComponent("basic.csv")
        try Data("""
            ts_code,trade_date,close,pe,pe_ttm,pb
            600000.SH,20240102,10.1,6.5,6.1,
            sz000001,20240103,9.4,4.3,4.0,0.55

            """.utf8).write(to: basic)
        let fina = directory.appendingPathComponent("fina.csv")
        try Data("""
            ts_code,ann_date,end_date,roe,eps
            600000.SH,20240830,20231231,12.0,1.1
            600000.SH,20240420,20231231,10.0,1.0

            """.utf8).write(to: fina)
        let text = try await FactorImportSummary.run(paths: [basic.path, fina.path])
        #expect(text == """
            Imported 2 factor file(s): 5 observation(s) of 3 factor(s) for 2 stock(s)
              basic.csv (Tushare daily_basic): 2 row(s), 3 observation(s), 1 empty cell(s)
                columns: pe_ratio ← pe_ttm, pb_ratio ← pb
                ignored columns: close, pe (pe_ratio is read from pe_ttm)
              fina.csv (Tushare fina_indicator): 2 row(s), 2 observation(s)
                columns: roe ← roe
                ignored columns: eps
            Factors:
              pb_ratio  1 observation(s), 1 stock(s), observed 20240103 … 20240103, published 20240103 … 20240103
              pe_ratio  2 observation(s), 2 stock(s), observed 20240102 … 20240103, published 20240102 … 20240103
              roe       2 observation(s), 1 stock(s), observed 20231231 … 20231231, published 20240420 … 20240830, 1 restatement(s)
            Stocks: 000001.SZ, 600000.SH
            Dates: observed 20231231 … 20240103, published 20240102 … 20240830
            """)
    }

    @Test("with a store the values are saved; a failing import saves nothing and names file, line and field")
    func saveAndAtomicity() async throws {
        let directory = try temporaryDirectory("factor-store")
        let good = directory.appendingPathComponent("good.csv")
        try Data("ts_code,trade_date,pb\n600000.SH,20240102,0.48\n600000.SH,20240103,0.49\n".utf8).write(to: good)
        let bad = directory.appendingPathComponent("bad.csv")
        try Data("ts_code,trade_date,pb\n600000.SH,20240104,0.50\n600000.SH,20240105,n/a\n".utf8).write(to: bad)
        let store = directory.appendingPathComponent("store.sqlite").path

        let text = try await FactorImportSummary.run(paths: [good.path], store: store)
        #expect(text.hasSuffix("Saved to \(store) (merged): the store holds 2 factor value(s)"))
        do {
            _ = try await FactorImportSummary.run(paths: [good.path, bad.path], store: store, mode: .replace)
            Issue.record("expected an error")
        } catch let error as DataImportError {
            #expect(error.description == "bad.csv:3: field 'pb', stock 600000.SH, date 20240105: 'n/a' is not a number")
        }
        let opened = try await MarketDataStore.open(path: store)
        #expect(try await opened.loadFactors().observations.map(\.value) == [0.48, 0.49])
        try await opened.close()
    }

    @Test("the bundled sample: four synthetic files with a README, all 12 sample stocks, restatements, stored RSI")
    func bundledSample() async throws {
        #expect(SampleDataSet.factorFiles.map(\.lastPathComponent)
                == ["daily_basic_synthetic.csv", "fina_indicator_synthetic.csv", "news_sentiment_synthetic.csv",
                    "technical_stored_synthetic.csv"])
        let readme = try String(contentsOfFile: SampleDataSet.factorDirectory + "/README.md", encoding: .utf8)
        #expect(readme.contains("SYNTHETIC"))
        let result = try FactorDataImporter.importFiles(SampleDataSet.factorFiles, options: FactorImportOptions())
        #expect(result.report.files.map(\.kind) == [.dailyBasic, .finaIndicator, .sentiment, .long])
        #expect(result.data.codes.count == 12)
        #expect(result.data.factors == ["circ_mv", "float_share", "gross_margin", "news_sentiment", "pb_ratio", "pe_ratio",
                                        "ps_ratio", "roa", "roe", "rsi", "total_mv", "turnover_rate", "volume_ratio"])
        #expect(result.data.filtered(factors: ["roe"]).restatementCount == 8)
        #expect(result.report.skippedRows.isEmpty)
        // Bars come from the same directory, untouched by the factor files beside them.
        let market = try await MarketDataLoader().load(path: SampleDataSet.dataDirectory)
        #expect(market.data.codes.count == 13)
        #expect(market.report.skippedFiles.map(\.file).sorted() == SampleDataSet.factorFiles.map { "factors/" + $0.lastPathComponent })
    }

    @Test("the sample's 浦发 ROE, by hand: the Q1 2011 restatement shows only in latest_revision, from the first announcement")
    func sampleVintages() throws {
        let pit = PointInTimeFactors(try FactorDataImporter.importFiles(SampleDataSet.factorFiles))
        let pufa = StockCode(normalizing: "600000.SH")!
        // fina_indicator_synthetic.csv: 2010 annual 17.9854 (announced 20110307); Q1 2011 5.1620
        // (20110429), restated to 5.1099 on 20120109; H1 2011 9.3936 (20110812).
        let days = [20110306, 20110307, 20110428, 20110429, 20110811, 20110812, 20120109].map { day(Int32($0)) }
        #expect(same(pit.values(of: "roe", for: pufa, on: days, vintage: .asPublished),
                     [.nan, 17.9854, 17.9854, 5.1620, 5.1620, 9.3936, 14.1917]))
        #expect(same(pit.values(of: "roe", for: pufa, on: days, vintage: .latestRevision),
                     [.nan, 17.9854, 17.9854, 5.1099, 5.1099, 9.3936, 14.1917]))
    }
}
