import Charts

/// `/backtests/task/{id}/report.html`: the report as one self-contained file to keep, mail or
/// print. The stylesheet and the charts are inline, there is no script and no URL to any host (the
/// SVG namespace is a name, never fetched), no navigation, and every fill and rejected order is
/// listed (no paging: a file cannot ask the server for page 2). `PageStyle`'s print rules hide
/// what is only for the screen and keep charts and tables from breaking across pages.
struct ReportDocument {
    var report: TaskReport
    var language: Language
    var colors: ColorConvention

    func html() -> String {
        let t = I18n(language)
        let sections = ReportSections(report: report, t: t, colors: colors, request: nil)
        let table = TradeTable(trades: report.fills, order: nil, page: nil)
        let generated = report.createdAt.isEmpty ? report.taskID : report.taskID + " · " + report.createdAt
        let document: Markup = """
            <!DOCTYPE html>
            <html lang="\(language.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Huice">
            <title>\(report.title) · \(t[.reportTitle])</title>
            <style>\(Markup(trusted: PageStyle.css(colors: colors)))</style>
            </head>
            <body class="report-file">
            <main id="content"><div class="wrap">
            \(sections.heading)
            \(sections.headline)
            \(sections.charts)
            <h2 id="trades">\(t[.reportFills])</h2>
            \(table.markup(t, links: nil))
            \(sections.rejections(limit: nil))
            \(sections.riskEvents)
            \(sections.config)
            \(sections.simulationNote)
            </div></main>
            <footer class="generated"><div class="wrap note">\(t[.reportGenerated, generated])</div></footer>
            </body>
            </html>

            """
        return document.html
    }

    /// `huice-report-bt_20240107_001.html`.
    var filename: String { "huice-report-\(report.taskID).html" }
}
