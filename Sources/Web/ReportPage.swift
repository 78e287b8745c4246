/// `/backtests/task/{id}`: one run's report — heading, downloads, headline figures, charts, the
/// fills (sortable, 500 a page), rejected orders, risk events, the config and the note on
/// simulation against live trading.
struct ReportPage {
    var report: TaskReport
    var table: TradeTable

    /// The report with the table's order and page taken from the query (`sort`, `dir`, `tpage`).
    init(report: TaskReport, query: FormFields) {
        self.report = report
        table = TradeTable(trades: report.fills, order: TradeTable.Order(query: query),
                           page: query.trimmed("tpage").flatMap { Int($0) } ?? 1)
    }

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let sections = ReportSections(report: report, t: t, colors: request.preferences.colors, request: request)
        let base = "/backtests/task/" + report.taskID
        // The saved report is written in the language the reader is reading now.
        let files: [(suffix: String, query: [(name: String, value: String)], label: I18n.Key)] = [
            ("/trades.csv", [], .reportDownloadTradesCSV),
            ("/trades.csv", [("bom", "1")], .reportDownloadTradesExcel),
            ("/equity.csv", [], .reportDownloadEquityCSV),
            ("/report.xlsx", [], .reportDownloadXLSX),
            ("/report.html", [("lang", request.preferences.language.rawValue)], .reportDownloadHTML),
        ]
        let downloads: [Markup] = files.map { file in
            "<li><a href=\"\(WebRequest.link(base + file.suffix, file.query))\" download>\(t[file.label])</a></li>"
        }
        let toc: [Markup] = [("#figures", I18n.Key.reportHeadline), ("#chart-equity", .reportEquityChart), ("#trades", .reportFills),
                             ("#rejected", .reportRejected), ("#risk", .reportRiskEvents), ("#config", .reportConfig)]
            .map { "<a href=\"\($0.0)\">\(t[$0.1])</a>" }
        return Page(title: report.title + " · " + t[.reportTitle], section: .backtests, content: """
            <p class="no-print"><a href="/backtests">\(t[.reportBackToTasks])</a></p>
            \(sections.heading)
            <nav class="toc no-print" aria-label="\(t[.reportContents])">\(toc)</nav>
            <section class="card no-print" aria-labelledby="downloads"><h2 id="downloads">\(t[.reportDownloads])</h2>
            <ul class="downloads">\(downloads)</ul></section>
            \(sections.headline)
            \(sections.charts)
            <h2 id="trades">\(t[.reportFills])</h2>
            <p class="note no-print">\(t[.reportSortHint])</p>
            \(table.markup(t, links: request))
            \(sections.rejections(limit: ReportSections.rejectionLimit))
            \(sections.riskEvents)
            \(sections.config)
            \(sections.simulationNote)
            """)
    }
}
