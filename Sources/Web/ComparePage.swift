import Analysis
import Charts
import HuiceCore

/// `/backtests/compare?task=A&task=B…`: two to four runs side by side — one column of headline
/// figures per run (the report's `ReportMetric`s) and their equity as cumulative returns on one
/// chart.
///
/// The chart's days are the **union** of the runs' days: runs over different periods each show
/// whole, at their real dates. A run's line is blank outside its own first…last day, and on a day
/// inside its range that only another run traded it carries its last value (its equity did not
/// change on a day it had no session). Cumulative return rather than equity, so runs with
/// different capital share one axis.
struct ComparePage {
    static let minimumRuns = 2
    static let maximumRuns = 4

    /// The runs, as their reports without the market data (the comparison draws no K-line).
    var runs: [TaskReport]

    /// The union of the curves' days (ascending) and each curve's value on them: its own value on
    /// its days, the last value carried over a day between its first and last that it lacks, NaN
    /// before its first day and after its last.
    static func overlay(_ curves: [[(day: TradingDay, value: Double)]]) -> (days: [TradingDay], values: [[Double]]) {
        let days = Set(curves.joined().map(\.day)).sorted()
        let values = curves.map { curve -> [Double] in
            guard let first = curve.first?.day, let last = curve.last?.day else { return days.map { _ in .nan } }
            var row = -1
            return days.map { day in
                guard day >= first && day <= last else { return .nan }
                while row + 1 < curve.count && curve[row + 1].day <= day { row += 1 }
                return row >= 0 ? curve[row].value : .nan
            }
        }
        return (days, values)
    }

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let headers: [Markup] = runs.map { run in
            """
            <th scope="col" class="num" data-task="\(run.taskID)"><a href="\(WebRequest.link("/backtests/task/" + run.taskID))">\(run.title)</a>\
            <br><span class="muted code">\(run.taskID)</span></th>
            """
        }
        func row(_ label: String, key: String, _ cells: [Markup]) -> Markup {
            let tds: [Markup] = cells.map { "<td class=\"num\">\($0)</td>" }
            return "<tr data-metric=\"\(key)\"><th scope=\"row\">\(label)</th>\(tds)</tr>\n"
        }
        var rows: [Markup] = [
            row(t[.compareRunPeriod], key: "period", runs.map { "\(t[.reportPeriod, $0.startDate, $0.endDate])" }),
            row(t[.reportInitialCash], key: "initial_cash", runs.map { "\(ReportFormat.money($0.initialCash))" }),
        ]
        rows += ReportMetric.allCases.map { metric in
            row(t[metric.label], key: metric.rawValue, runs.map { metric.cell($0.metrics, finalValue: $0.finalValue) })
        }
        rows.append(row(t[.reportStrategy], key: "strategy", runs.map { "<span class=\"code\">\($0.config.map { TaskReport.strategyText($0.strategy) } ?? "—")</span>" }))

        let overlay = Self.overlay(runs.map { run in run.equityCurve.map { (day: $0.tradeDate, value: $0.cumulativeReturn) } })
        let series = zip(runs, overlay.values).map { run, values in LineSeries(name: run.taskID + " " + run.title, values: values) }
        let chart = LineChart(.init(days: overlay.days, series: series, format: .percent, title: t[.compareChart]),
                              frame: ChartFrame(width: 1100, height: 380))
        return Page(title: t[.compareTitle], section: .backtests, content: """
            <p><a href="/backtests">\(t[.reportBackToTasks])</a></p>
            <h1>\(t[.compareTitle])</h1>
            <p class="note">\(t[.compareRuns, String(runs.count)])</p>
            <div class="table-scroll"><table class="compare"><thead><tr><th scope="col">\(t[.compareMetric])</th>\(headers)</tr></thead>
            <tbody>
            \(rows)</tbody></table></div>
            <section class="card chart" id="chart-compare">
            <h2>\(t[.compareChart])</h2>
            \(Markup(trusted: chart.svg()))
            <p class="note">\(t[.compareChartNote])</p>
            </section>
            """)
    }
}
