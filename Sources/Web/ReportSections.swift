import Charts
import HuiceCore

/// The parts of a report that the page and the saved HTML file share: heading, headline figures,
/// charts, config, rejected orders, risk events and the note on simulation against live trading.
/// With a `request` the parts carry links (the batch); without one (the saved file) they do not,
/// since a link from a file on disk leads nowhere.
struct ReportSections {
    var report: TaskReport
    var t: I18n
    var colors: ColorConvention
    var request: WebRequest?

    /// The page shows this many rejected orders (the saved file and the trades CSV have all).
    static let rejectionLimit = 500

    var heading: Markup {
        var facts: [Markup] = [
            "<span>\(t[.reportPeriod, report.startDate, report.endDate])</span>",
            "<span>\(t[.reportTaskLabel]) <span class=\"code\">\(report.taskID)</span></span>",
        ]
        if let batch = report.batchID {
            let target: Markup = request == nil
                ? "<span class=\"code\">\(batch)</span>"
                : "<a href=\"\(WebRequest.link("/backtests/batch/" + batch))\">\(batch)</a>"
            facts.append("<span>\(t[.reportBatch]) \(target)</span>")
        }
        return """
            <h1>\(report.title) · \(t[.reportTitle])</h1>
            <p class="facts">\(Markup(trusted: facts.map(\.html).joined(separator: " · ")))</p>
            """
    }

    /// The figures as cards, each marked with its metric key (`data-metric`).
    var headline: Markup {
        let cards: [Markup] = ReportMetric.allCases.map { metric in
            "<div data-metric=\"\(metric.rawValue)\"><dt>\(t[metric.label])</dt><dd>\(metric.cell(report.metrics, finalValue: report.finalValue))</dd></div>"
        }
        return """
            <h2 id="figures">\(t[.reportHeadline])</h2>
            <dl class="stats">\(cards)</dl>
            """
    }

    var charts: Markup {
        let sections: [Markup] = ReportCharts(report: report, t: t, colors: colors).all.map { chart in
            let note: Markup = chart.note.map { "<p class=\"note\">\($0)</p>" } ?? ""
            return """
                <section class="card chart" id="chart-\(chart.id)">
                <h2>\(chart.heading)</h2>
                \(Markup(trusted: chart.svg))
                \(note)
                </section>

                """
        }
        return "\(sections)"
    }

    /// The config lines as a table: label, value, and the config key the value came from.
    var config: Markup {
        let rows: [Markup] = report.configItems.map { item in
            "<tr data-key=\"\(item.key)\"><th scope=\"row\">\(t[item.label])</th><td>\(ReportFormat.value(item.value, t))</td><td class=\"muted code\">\(item.key)</td></tr>\n"
        }
        let unreadable: Markup = report.config == nil ? "<p class=\"note\">\(t[.reportConfigUnavailable])</p>" : ""
        return """
            <h2 id="config">\(t[.reportConfig])</h2>
            \(unreadable)
            <div class="table-scroll keep"><table class="config"><tbody>
            \(rows)</tbody></table></div>
            """
    }

    /// Orders that moved no shares, with their reason; a count per reason first. `limit` caps
    /// the rows (nil: all).
    func rejections(limit: Int?) -> Markup {
        let rejected = report.rejections
        guard !rejected.isEmpty else {
            return "<h2 id=\"rejected\">\(t[.reportRejected])</h2><p class=\"card\">\(t[.reportNoRejected])</p>"
        }
        var counts: [FilledReason: Int] = [:]
        for order in rejected { counts[order.filledReason, default: 0] += 1 }
        // In the enum's order, so the summary reads the same every time.
        let summary: [Markup] = FilledReason.allCases.compactMap { reason in
            counts[reason].map { "<li>\(ReportFormat.reason(reason, t)): \(DisplayNumber.grouped($0))</li>" }
        }
        let shown = limit.map { Array(rejected.prefix($0)) } ?? rejected
        let rows: [Markup] = shown.map { order in
            """
            <tr data-rejected="\(order.tradeID)"><td>\(order.tradeID)</td><td>\(DisplayNumber.date(order.signalDate))</td>\
            <td>\(DisplayNumber.date(order.executeDate))</td><td>\(t[order.direction == .buy ? .reportBuy : .reportSell])</td>\
            <td class="num">\(DisplayNumber.grouped(order.orderShares))</td><td class="num">\(ReportFormat.price(order.signalPrice))</td>\
            <td>\(ReportFormat.reason(order.filledReason, t))</td></tr>

            """
        }
        let cut: Markup = shown.count < rejected.count
            ? "<p class=\"note\">\(t[.reportRejectedCut, DisplayNumber.grouped(shown.count), DisplayNumber.grouped(rejected.count)])</p>"
            : ""
        return """
            <h2 id="rejected">\(t[.reportRejected])</h2>
            <p class="note">\(t[.reportRejectedCount, DisplayNumber.grouped(rejected.count)])</p>
            <ul class="reasons">\(summary)</ul>
            <div class="table-scroll"><table class="rejected"><thead><tr><th scope="col">\(t[.reportTradeID])</th>\
            <th scope="col">\(t[.reportSignalDate])</th><th scope="col">\(t[.reportExecuteDate])</th><th scope="col">\(t[.reportSide])</th>\
            <th scope="col" class="num">\(t[.reportOrderShares])</th><th scope="col" class="num">\(t[.reportSignalPrice])</th>\
            <th scope="col">\(t[.reportReason])</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            \(cut)
            """
    }

    var riskEvents: Markup {
        guard !report.riskEvents.isEmpty else {
            return "<h2 id=\"risk\">\(t[.reportRiskEvents])</h2><p class=\"card\">\(t[.reportNoRiskEvents])</p>"
        }
        let rows: [Markup] = report.riskEvents.map { event in
            """
            <tr><td>\(DisplayNumber.date(event.tradeDate))</td><td class="code">\(event.kind.rawValue)</td>\
            <td class="num">\(ReportFormat.percent(event.value))</td><td class="num">\(ReportFormat.percent(event.limit))</td>\
            <td class="num">\(ReportFormat.money(event.equity))</td><td>\(event.liquidationDate.map(DisplayNumber.date) ?? "—")</td>\
            <td>\(event.message)</td></tr>

            """
        }
        return """
            <h2 id="risk">\(t[.reportRiskEvents])</h2>
            <div class="table-scroll keep"><table class="risk"><thead><tr><th scope="col">\(t[.reportRiskDate])</th>\
            <th scope="col">\(t[.reportRiskType])</th><th scope="col" class="num">\(t[.reportRiskValue])</th>\
            <th scope="col" class="num">\(t[.reportRiskLimit])</th><th scope="col" class="num">\(t[.reportEquity])</th>\
            <th scope="col">\(t[.reportLiquidationDate])</th><th scope="col">\(t[.reportMessage])</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            """
    }

    /// Where a simulated result can differ from trading it live (seed 004 asks the report to say so).
    var simulationNote: Markup {
        let points: [Markup] = [I18n.Key.reportDiffExecution, .reportDiffCosts, .reportDiffLiquidity, .reportDiffData]
            .map { "<li>\(t[$0])</li>" }
        return """
            <h2 id="differences">\(t[.reportDiffTitle])</h2>
            <div class="card keep"><ul>\(points)</ul></div>
            """
    }
}
