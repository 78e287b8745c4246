import HuiceCore
import MarketData
import Storage

/// `/data`: the stored stocks (code, name, board, industry, first and last day, bar count,
/// suspended sessions), filtered by `?q=` on the code or the name, with a link to the import page.
struct StockListPage {
    struct Row {
        var stock: StoreSummary.Stock
        var instrument: Instrument?
        /// Trading days without a bar between the first and the last bar; nil when unknown.
        var suspendedSessions: Int? = nil
    }

    /// The trading days of `calendar` from the stock's first to its last bar that have no bar:
    /// the calendar's days in that span minus the stock's bars (daily bars, one a trading day, as
    /// the importer checks against a calendar). When the bars reach outside the calendar, whose
    /// days there are unknown, the span is cut to the calendar and `barsInCalendar` (the stock's
    /// bars on the calendar's days) is counted instead; nil without it, or when no bar falls in
    /// the calendar's range. Bars on days the calendar lacks would make it too low; it never goes
    /// below zero.
    static func suspendedSessions(of stock: StoreSummary.Stock, in calendar: TradingCalendar, barsInCalendar: Int? = nil) -> Int? {
        guard let first = calendar.first, let last = calendar.last else { return nil }
        if stock.firstDay >= first && stock.lastDay <= last {
            return max(0, calendar.days(in: stock.firstDay...stock.lastDay).count - stock.barCount)
        }
        let from = max(stock.firstDay, first), through = min(stock.lastDay, last)
        guard from <= through, let bars = barsInCalendar else { return nil }
        return max(0, calendar.days(in: from...through).count - bars)
    }

    var rows: [Row]
    var search: String?

    /// The rows whose code or name contains `search` (case-insensitive); all when nil.
    var matches: [Row] {
        guard let search = search?.lowercased() else { return rows }
        return rows.filter { row in
            row.stock.code.rawValue.lowercased().contains(search) || (row.instrument?.name.lowercased().contains(search) ?? false)
        }
    }

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let shown = matches
        let body: [Markup] = shown.map { row in
            let code = row.stock.code
            let link = WebRequest.link("/data/stock/" + code.rawValue)
            let board = row.instrument?.board ?? code.inferredBoard
            let industry = row.instrument?.industry ?? ""
            return """
                <tr><td><a href="\(link)">\(code.rawValue)</a></td><td>\(row.instrument?.name ?? "")</td>\
                <td>\(t[Self.label(of: board)])</td><td>\(industry.isEmpty ? "—" : industry)</td>\
                <td>\(DisplayNumber.date(row.stock.firstDay))</td><td>\(DisplayNumber.date(row.stock.lastDay))</td>\
                <td class="num">\(DisplayNumber.grouped(row.stock.barCount))</td>\
                <td class="num">\(row.suspendedSessions.map(DisplayNumber.grouped) ?? "—")</td></tr>
                """
        }
        let unknown: Markup = shown.contains { $0.suspendedSessions == nil } ? " \(t[.suspensionsNoCalendar])" : ""
        let table: Markup = shown.isEmpty ? "<p class=\"card\">\(t[.noStocks])</p>" : """
            <div class="table-scroll"><table>
            <thead><tr><th scope="col">\(t[.code])</th><th scope="col">\(t[.name])</th><th scope="col">\(t[.board])</th>\
            <th scope="col">\(t[.industry])</th><th scope="col">\(t[.firstDate])</th><th scope="col">\(t[.lastDate])</th>\
            <th scope="col" class="num">\(t[.barCount])</th><th scope="col" class="num">\(t[.suspendedSessions])</th></tr></thead>
            <tbody>\(body)</tbody>
            </table></div>
            <p class="note">\(t[.suspensionsNote])\(unknown)</p>
            """
        let clear: Markup = search == nil ? "" : "<a class=\"button secondary\" href=\"/data\">\(t[.clearSearch])</a>"
        return Page(title: t[.stockListTitle], section: .data, content: """
            <h1>\(t[.stockListTitle])</h1>
            <p><a class="button" href="\(DataPages.importPath)">\(t[.importLink])</a></p>
            <form class="card inline" method="get" action="/data" role="search">
            <label class="field">\(t[.search])<input type="search" name="q" value="\(search ?? "")" placeholder="\(t[.searchPlaceholder])"></label>
            <div><button type="submit">\(t[.search])</button> \(clear)</div>
            </form>
            <p class="note" id="count">\(t[.stocksShown, DisplayNumber.grouped(shown.count), DisplayNumber.grouped(rows.count)])</p>
            \(table)
            """)
    }

    static func label(of board: Board) -> I18n.Key {
        switch board {
        case .main: .boardMain
        case .chinext: .boardChinext
        case .star: .boardStar
        case .bse: .boardBSE
        case .index: .boardIndex
        case .fund: .boardFund
        case .other: .boardOther
        }
    }
}
