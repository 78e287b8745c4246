import Foundation
import HTTPTypes
import HuiceCore
import HummingbirdTesting
import Reports
import Service
import Testing
import ZIPFoundation
@testable import Web

/// The report's downloads: the CSVs are the exporters' bytes, the workbook a zip with its sheets,
/// the HTML report one self-contained file.
@Suite struct ReportDownloadTests {
    static func bytes(_ response: TestResponse) -> Data { Data(response.body.readableBytesView) }

    @Test func tradesCSVIsTheExportersBytesWithAnOptionalBOM() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let trades = try #require(results.trades)
            let plain = try await client.get("/backtests/task/\(results.taskID)/trades.csv")
            #expect(plain.status == .ok)
            #expect(plain.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(plain.headers[.contentDisposition]?.contains("filename=\"huice-trades-\(results.taskID).csv\"") == true)
            #expect(Self.bytes(plain) == TradesCSV(trades: trades).data())
            let excel = try await client.get("/backtests/task/\(results.taskID)/trades.csv?bom=1")
            #expect(Self.bytes(excel) == TradesCSV(trades: trades).data(options: .excel))
            #expect(Self.bytes(excel).prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        }
    }

    @Test func equityCSVIsTheExportersBytes() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let response = try await client.get("/backtests/task/\(results.taskID)/equity.csv")
            #expect(response.status == .ok)
            #expect(Self.bytes(response) == EquityCSV(equityCurve: try #require(results.equityCurve)).data())
        }
    }

    @Test func workbookIsAZipWithTheSummaryTradesAndEquitySheets() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let response = try await client.get("/backtests/task/\(results.taskID)/report.xlsx")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(response.headers[.contentDisposition]?.contains("huice-report-\(results.taskID).xlsx") == true)
            let archive = try Archive(data: Self.bytes(response), accessMode: .read)
            var parts: [String: String] = [:]
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                parts[entry.path] = String(decoding: data, as: UTF8.self)
            }
            let workbook = try #require(parts["xl/workbook.xml"])
            for name in ["Summary", "Trades", "Equity"] { #expect(workbook.contains("name=\"\(name)\""), "no sheet \(name)") }
            // A header row and one row per record.
            let trades = try #require(results.trades), curve = try #require(results.equityCurve)
            #expect(try #require(parts["xl/worksheets/sheet2.xml"]).occurrences(of: "<row ") == trades.count + 1)
            #expect(try #require(parts["xl/worksheets/sheet3.xml"]).occurrences(of: "<row ") == curve.count + 1)
            // The summary carries the config lines the report shows (Chinese labels, config keys).
            let summary = try #require(parts["xl/worksheets/sheet1.xml"])
            for text in ["基准", "000001.SH", "策略", "sma_crossover", "total_return"] { #expect(summary.contains(text), "summary lacks \(text)") }
        }
    }

    @Test func htmlReportIsOneSelfContainedFileWithEveryChartAndTrade() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let trades = try #require(results.trades)
            let response = try await client.get("/backtests/task/\(results.taskID)/report.html")
            #expect(response.status == .ok && response.isHTML)
            #expect(response.headers[.contentDisposition]?.contains("filename=\"huice-report-\(results.taskID).html\"") == true)
            let text = response.text
            #expect(text.hasPrefix("<!DOCTYPE html>"))
            let withoutNamespace = text.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
            #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
            #expect(!text.contains("<script") && !text.contains("<link") && !text.contains("src="))
            for kind in ["line-chart", "drawdown-chart", "monthly-heatmap", "histogram", "candlestick"] {
                #expect(text.contains("class=\"huice-chart \(kind)\""), "no \(kind)")
            }
            #expect(text.attributeValues("data-trade") == trades.filter { $0.shares > 0 }.map(\.tradeID))
            #expect(text.attributeValues("data-rejected") == trades.filter { $0.shares == 0 }.map(\.tradeID))
            #expect(text.contains("@media print{"))
            // No navigation, no links back into the site.
            #expect(!text.contains("<nav") && !text.contains("href=\"/"))
        }
    }
}
