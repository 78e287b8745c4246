import HuiceCore
import MarketData
import Storage

/// The data section's routes: they read the store and hand plain values to the page renderers.
struct DataPages: Sendable {
    let store: MarketDataStore
    /// The import page's upload limit (`WebSite.importUploadLimit`).
    var uploadLimit: Int?

    var routes: [WebRoute] {
        let store = self.store
        return [
            .get("/data") { request in try await Self.list(request, store: store) },
            .get("/data/stock/{code}") { request in try await Self.stock(request, store: store) },
            .get(Self.importPath, maxBodySize: uploadLimit) { request in Self.importForm(request) },
            .post(Self.importPath, maxBodySize: uploadLimit) { request in try await Self.upload(request, store: store) },
        ]
    }

    static func list(_ request: WebRequest, store: MarketDataStore) async throws -> PageResult {
        let summary = try await store.summary()
        let instruments = try await store.instruments()
        // One query for the calendar (no codes: no bars); the counts come from the summary.
        let calendar = summary.calendarDays > 0 ? try await store.load(codes: []).calendar : nil
        // Stocks whose bars reach beyond the calendar are counted inside it: one more grouped query.
        var inCalendar: [StockCode: Int] = [:]
        if let calendar, let first = calendar.first, let last = calendar.last,
           summary.stocks.contains(where: { $0.firstDay < first || $0.lastDay > last }) {
            inCalendar = try await store.barCounts(from: first, through: last)
        }
        let rows = summary.stocks.map { stock in
            StockListPage.Row(stock: stock, instrument: instruments[stock.code],
                              suspendedSessions: calendar.flatMap {
                                  StockListPage.suspendedSessions(of: stock, in: $0, barsInCalendar: inCalendar[stock.code])
                              })
        }
        return .page(StockListPage(rows: rows, search: request.query.trimmed("q")).page(for: request))
    }

    static func stock(_ request: WebRequest, store: MarketDataStore) async throws -> PageResult {
        let text = request.parameters["code"] ?? ""
        guard let code = StockCode(normalizing: text) else { return notFound(text, request) }
        // The whole history: indicators warm up on the bars before the zoom.
        let data = try await store.load(codes: [code])
        guard let series = data.series[code], !series.isEmpty else { return notFound(code.rawValue, request) }
        var ignored: [String] = []
        func day(_ name: String) -> TradingDay? {
            guard let value = request.query.trimmed(name) else { return nil }
            guard let day = TradingDay(parsing: value) else { ignored.append(value); return nil }
            return day
        }
        let page = StockPage(code: code, series: series, data: data, indicators: ChartIndicator.selection(in: request.query),
                             from: day("from"), to: day("to"), ignoredDates: ignored)
        return .page(page.page(for: request))
    }

    private static func notFound(_ code: String, _ request: WebRequest) -> PageResult {
        .page(ErrorPage.notFound(request.i18n[.stockNotFound, code], for: request), status: .notFound)
    }
}
