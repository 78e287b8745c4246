import HuiceCore

/// The report's table of fills, sorted and paged on the server (no script): `?sort=<column>&dir=asc|desc`
/// orders it, `?tpage=N` picks a page of 500 rows. Header and page links keep the rest of the query
/// (language, colours). The saved HTML report draws it without links and with every row.
struct TradeTable: Sendable {
    static let pageSize = 500

    /// A column and a direction.
    struct Order: Sendable, Equatable {
        var column: TradeColumn
        var ascending: Bool

        /// `sort` and `dir` of a query; nil (record order) without a known column. `dir` other
        /// than `desc` is ascending.
        init?(query: FormFields) {
            guard let name = query.trimmed("sort"), let column = TradeColumn(rawValue: name) else { return nil }
            self.init(column: column, ascending: query.trimmed("dir")?.lowercased() != "desc")
        }

        init(column: TradeColumn, ascending: Bool) {
            self.column = column
            self.ascending = ascending
        }
    }

    /// The fills in record order (execution order).
    var trades: [BacktestTrade]
    /// nil: record order.
    var order: Order?
    /// The page asked for (1-based; out of range is clamped); nil draws every row.
    var page: Int?

    var pageCount: Int { max(1, (trades.count + Self.pageSize - 1) / Self.pageSize) }
    var currentPage: Int { min(max(page ?? 1, 1), pageCount) }

    /// All fills in the table's order. Ties keep record order, and rows without the value (pnl on
    /// a buy) go last in both directions, so the first rows are always ones that have it.
    var sorted: [BacktestTrade] {
        guard let order else { return trades }
        let keyed = trades.enumerated().map { (index: $0.offset, key: order.column.sortKey($0.element)) }
        let ranked = keyed.sorted { a, b in
            switch (a.key, b.key) {
            case (nil, nil): return a.index < b.index
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                if x == y { return a.index < b.index }
                return order.ascending ? x < y : y < x
            }
        }
        return ranked.map { trades[$0.index] }
    }

    /// The rows drawn: one page, or all without a page.
    var rows: ArraySlice<BacktestTrade> {
        let all = sorted
        guard page != nil else { return all[...] }
        let start = (currentPage - 1) * Self.pageSize
        return all[min(start, all.count)..<min(start + Self.pageSize, all.count)]
    }

    /// The table; `request` is the page the links lead back to (nil: no links, as in the saved file).
    func markup(_ t: I18n, links request: WebRequest?) -> Markup {
        guard !trades.isEmpty else { return "<p class=\"card\">\(t[.reportNoFills])</p>" }
        let headers: [Markup] = TradeColumn.allCases.map { column in header(column, t, request) }
        let body: [Markup] = rows.map { trade in
            let cells: [Markup] = TradeColumn.allCases.map { column in
                column.isNumeric ? "<td class=\"num\">\(column.cell(trade, t))</td>" : "<td>\(column.cell(trade, t))</td>"
            }
            return "<tr data-trade=\"\(trade.tradeID)\">\(cells)</tr>\n"
        }
        let summary: Markup = page == nil
            ? "<p class=\"note\">\(t[.reportFillsAll, DisplayNumber.grouped(trades.count)])</p>"
            : "<p class=\"note\">\(t[.reportFillsShown, DisplayNumber.grouped(trades.count), String(currentPage), String(pageCount), String(Self.pageSize)])</p>"
        return """
            \(summary)
            <div class="table-scroll"><table class="trades"><thead><tr>\(headers)</tr></thead>
            <tbody>
            \(body)</tbody></table></div>
            \(pager(t, request))
            """
    }

    /// A header; with links, a link that sorts by the column (ascending first, then toggling),
    /// and `aria-sort` on the column the table is sorted by.
    private func header(_ column: TradeColumn, _ t: I18n, _ request: WebRequest?) -> Markup {
        let numeric: Markup = column.isNumeric ? " class=\"num\"" : ""
        guard let request else { return "<th scope=\"col\"\(numeric)>\(t[column.label])</th>" }
        let sorted = order?.column == column ? order : nil
        let ariaSort: Markup = sorted.map { " aria-sort=\"\($0.ascending ? "ascending" : "descending")\"" } ?? ""
        let arrow: Markup = sorted.map { " <span aria-hidden=\"true\">\($0.ascending ? "▲" : "▼")</span>" } ?? ""
        let nextDirection = sorted?.ascending == true ? "desc" : "asc"
        let href = Self.link(request, dropping: ["sort", "dir", "tpage"],
                             adding: [("sort", column.rawValue), ("dir", nextDirection)])
        return "<th scope=\"col\"\(numeric)\(ariaSort)><a class=\"sort\" href=\"\(href)\">\(t[column.label])\(arrow)</a></th>"
    }

    /// Previous, numbered pages around the current one (with the first and last), next.
    private func pager(_ t: I18n, _ request: WebRequest?) -> Markup {
        guard let request, page != nil, pageCount > 1 else { return "" }
        func href(_ n: Int) -> String { Self.link(request, dropping: ["tpage"], adding: [("tpage", String(n))]) }
        var items: [Markup] = []
        if currentPage > 1 { items.append("<a href=\"\(href(currentPage - 1))\" rel=\"prev\">\(t[.previousPage])</a>") }
        var previous = 0
        for n in Self.pageNumbers(current: currentPage, count: pageCount) {
            if n > previous + 1 { items.append("<span aria-hidden=\"true\">…</span>") }
            items.append(n == currentPage
                ? "<a href=\"\(href(n))\" aria-current=\"page\">\(n)</a>"
                : "<a href=\"\(href(n))\">\(n)</a>")
            previous = n
        }
        if currentPage < pageCount { items.append("<a href=\"\(href(currentPage + 1))\" rel=\"next\">\(t[.nextPage])</a>") }
        return "<nav class=\"pager\" aria-label=\"\(t[.reportTradePages])\">\(items)</nav>"
    }

    /// The first and last page and two either side of the current one, ascending.
    static func pageNumbers(current: Int, count: Int) -> [Int] {
        Set([1, count] + Array(max(1, current - 2)...min(count, current + 2))).sorted()
    }

    /// This page's path with the query minus `dropping` plus `adding`, to the table's anchor.
    static func link(_ request: WebRequest, dropping: Set<String>, adding: [(name: String, value: String)]) -> String {
        let kept = request.query.pairs.filter { !dropping.contains($0.name) }
        return WebRequest.link(request.path, kept + adding) + "#trades"
    }
}
