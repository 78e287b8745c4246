import Foundation
import MarketData
import Storage
import Web

/// The `stockpage` workload: issue 5's "a 10-year K-line renders in under 200 ms server-side".
/// SYM000 (2,500 daily bars, 2000–2009) is saved into an in-memory store; each repetition asks the
/// site's own `/data/stock/{code}` route for the whole ten years with every indicator (MA and
/// BOLL overlays, MACD, RSI and KDJ panels), exactly what a browser's request runs between the
/// router and the socket: the store read, the indicators, the limit days, the SVG and the HTML.
enum StockPageWorkload {
    struct Outcome {
        var seconds: Double
        var bars: Int
        var bytes: Int
    }

    static func prepare(_ data: MarketDataSet) async throws -> (route: WebRoute, request: WebRequest, store: MarketDataStore) {
        let store = try await MarketDataStore.open(path: ":memory:")
        try await store.save(data)
        let site = WebSite(store: store, factorConfigs: FactorConfigManager(store: store))
        guard let route = site.routes.first(where: { $0.path == "/data/stock/{code}" }), let series = data.series.values.first else {
            throw StockPageWorkloadError()
        }
        let query = FormFields(encoded: "ind=ma,boll,macd,rsi,kdj&from=\(series.times.first!.day.isoString)&to=\(series.times.last!.day.isoString)")
        let request = WebRequest(path: "/data/stock/\(series.code.rawValue)", query: query,
                                 parameters: ["code": series.code.rawValue])
        return (route, request, store)
    }

    static func run(route: WebRoute, request: WebRequest, bars: Int) async throws -> Outcome {
        let start = ContinuousClock.now
        let result = try await route.respond(to: request)
        guard case .page(let page, _) = result else { throw StockPageWorkloadError() }
        let html = page.html(for: request)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Outcome(seconds: seconds, bars: bars, bytes: html.utf8.count)
    }
}

struct StockPageWorkloadError: Error, CustomStringConvertible {
    var description: String { "stockpage: the stock page route did not answer a page" }
}
