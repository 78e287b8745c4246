import HTTPTypes
import Foundation
import Hummingbird
import HummingbirdTesting
import HuiceCore
import Logging
import MarketData
import Storage
import TestSupport
import Web

/// Three stocks over 600 weekdays from 2023-01-02: 招商银行 and 平安银行 (banks, so
/// `q=银行` finds two) and 宁德时代 (ChiNext). Closes follow a slow wave of about ±1 % a day;
/// 600036.SH closes at its 10 % limit on day 500, its only limit day.
enum WebFixture {
    static let days = 600
    static let limitUpIndex = 500

    static func market() -> MarketDataSet {
        var fixture = MarketFixture(start: 20230102, count: days)
        let stocks: [(code: String, name: String, industry: String, base: Double)] = [
            ("600036.SH", "招商银行", "银行", 30), ("000001.SZ", "平安银行", "银行", 12), ("300750.SZ", "宁德时代", "电池", 200),
        ]
        for stock in stocks {
            var closes = (0..<days).map { i in (stock.base * (1 + 0.1 * sin(Double(i) / 15)) * 100).rounded() / 100 }
            if stock.code == "600036.SH" {
                closes[limitUpIndex - 1] = 30.50
                closes[limitUpIndex] = 33.55  // 30.50 × 1.1: exactly the main board's limit
            }
            let quotes = closes.enumerated().map { i, close in
                let open = i == 0 ? close : closes[i - 1]
                return Quote(String(format: "%.2f", open), String(format: "%.2f", max(open, close)),
                             String(format: "%.2f", min(open, close)), String(format: "%.2f", close), volume: 1_000_000 + Int64(i) * 100)
            }
            let code = StockCode(normalizing: stock.code)!
            fixture.add(stock.code, bars: quotes,
                        instrument: Instrument(code: code, name: stock.name, industry: stock.industry))
        }
        return fixture.data
    }

    static func day(_ index: Int) -> TradingDay { calendar[index] }
    static let calendar = MarketFixture(start: 20230102, count: days).days
}

/// 2024-01-07T10:00:00Z, so config ids are config_20240107_001, ….
let fixedNow = Date(timeIntervalSince1970: 1_704_621_600)

/// Runs `body` against the site's pages alone on an in-process router over an in-memory store
/// holding `WebFixture.market()`.
func withWebApp<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    try await withImportApp { _, client in try await body(client) }
}

/// Like `withWebApp`, over a store holding `market`, with the store at hand to check what was saved.
func withImportApp<T: Sendable>(market: MarketDataSet = WebFixture.market(),
                                _ body: @Sendable (MarketDataStore, any TestClientProtocol) async throws -> T) async throws -> T {
    let store = try await MarketDataStore.open(path: ":memory:")
    do {
        try await store.save(market)
        var site = WebSite(store: store, factorConfigs: FactorConfigManager(store: store, now: { fixedNow }))
        // The request context's limit (Hummingbird's 2 MiB), so the 413 test need not send 64 MiB.
        site.importUploadLimit = nil
        let router = Router(context: BasicRequestContext.self)
        site.register(on: router)
        let app = Application(router: router, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let value = try await app.test(.router) { client in try await body(store, client) }
        try? await store.close()
        return value
    } catch {
        try? await store.close()
        throw error
    }
}

extension TestClientProtocol {
    func get(_ path: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: path, method: .get, headers: headers)
    }

    func postForm(_ path: String, _ body: String) async throws -> TestResponse {
        try await execute(uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                          body: ByteBuffer(string: body))
    }
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The inline `<svg>…</svg>` of the page, empty when there is none.
    var svg: String {
        guard let start = text.range(of: "<svg"), let end = text.range(of: "</svg>", range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.lowerBound..<end.upperBound])
    }

    var isHTML: Bool { headers[.contentType] == WebResponse.htmlContentType }
}
