import HuiceCore
import Service

/// `/backtests`: every task, newest first, 20 a page, filtered by state, batch and creation day
/// (the API's getTaskList), with each completed task's headline figures, links to the reports and
/// batches, and tick boxes to compare 2–4 runs.
struct BacktestListPage {
    static let pageSize = 20

    var list: TaskListPage
    var filter: TaskListQuery
    /// Filter values that were not understood (a bad date), said on the page.
    var ignored: [String]

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let statusOptions: [Markup] = [Markup("<option value=\"\">\(t[.allStates])</option>")] + TaskState.allCases.map { state in
            let mark: Markup = state == filter.status ? " selected" : ""
            return "<option value=\"\(state.rawValue)\"\(mark)>\(t[BatchPage.label(of: state)])</option>"
        }
        let rows: [Markup] = list.tasks.map { task in
            let (select, link) = BatchPage.compareBoxAndLink(taskID: task.taskID, stockCode: task.stockCode,
                                                             completed: task.status == .completed, t)
            let batch: Markup = task.batchID.map { "<a href=\"/backtests/batch/\($0)\">\($0)</a>" } ?? "—"
            return """
                <tr><td>\(select)</td><td>\(link)</td><td>\(batch)</td><td>\(task.stockCode)</td>\
                <td><span class="state state-\(task.status.rawValue)">\(t[BatchPage.label(of: task.status)])</span></td>\
                <td class="num">\(task.progress)%</td><td>\(task.createdAt)</td><td>\(task.duration ?? "—")</td>\
                <td class="num">\(Self.percent(task.totalReturn))</td><td class="num">\(Self.percent(task.annualReturn))</td>\
                <td class="num">\(Self.percent(task.maxDrawdown))</td>\
                <td class="num">\(task.sharpeRatio.map { DisplayNumber.decimal($0) } ?? "—")</td></tr>
                """
        }
        let pages = max(1, (list.total + list.size - 1) / list.size)
        let kept = request.query.pairs.filter { $0.name != "page" && $0.name != "lang" && $0.name != "colors" }
        var pager: [Markup] = []
        if list.page > 1 {
            pager.append("<a rel=\"prev\" href=\"\(WebRequest.link("/backtests", kept + [(name: "page", value: String(list.page - 1))]))\">\(t[.previousPage])</a>")
        }
        if list.page < pages {
            pager.append("<a rel=\"next\" href=\"\(WebRequest.link("/backtests", kept + [(name: "page", value: String(list.page + 1))]))\">\(t[.nextPage])</a>")
        }
        let ignoredNote: Markup = ignored.isEmpty ? "" : "<p class=\"note error\">\(t[.dateIgnored, ignored.joined(separator: ", ")])</p>"
        let table: Markup = list.tasks.isEmpty ? "<p class=\"card\">\(t[.noTasks])</p>" : """
            <form method="get" action="/backtests/compare">
            <div class="table-scroll"><table>
            <thead><tr><th scope="col">\(t[.compareColumn])</th><th scope="col">\(t[.taskID])</th><th scope="col">\(t[.batchID])</th>\
            <th scope="col">\(t[.stockCode])</th><th scope="col">\(t[.status])</th><th scope="col" class="num">\(t[.progress])</th>\
            <th scope="col">\(t[.createdAt])</th><th scope="col">\(t[.duration])</th><th scope="col" class="num">\(t[.colTotalReturn])</th>\
            <th scope="col" class="num">\(t[.colAnnualReturn])</th><th scope="col" class="num">\(t[.colMaxDrawdown])</th>\
            <th scope="col" class="num">\(t[.colSharpe])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <p><button type="submit">\(t[.compareSelected])</button> <span class="note">\(t[.compareHint])</span></p>
            </form>
            """
        return Page(title: t[.backtestsTitle], section: .backtests, content: """
            <h1>\(t[.backtestsTitle])</h1>
            <p><a class="button" href="/backtests/new">\(t[.newBatch])</a></p>
            <form class="card inline" method="get" action="/backtests" role="search">
            <label class="field">\(t[.status])<select name="status">\(statusOptions)</select></label>
            <label class="field">\(t[.batchID])<input type="text" name="batch_id" value="\(filter.batchID ?? "")" size="22"></label>
            <label class="field">\(t[.createdFrom])<input type="date" name="start_date" value="\(filter.startDate?.isoString ?? "")"></label>
            <label class="field">\(t[.createdTo])<input type="date" name="end_date" value="\(filter.endDate?.isoString ?? "")"></label>
            <div><button type="submit">\(t[.filter])</button> <a class="button secondary" href="/backtests">\(t[.clearSearch])</a></div>
            </form>
            \(ignoredNote)
            <p class="note">\(t[.tasksShown, DisplayNumber.grouped(list.total), String(list.page), String(pages)])</p>
            \(table)
            <nav class="pager" aria-label="\(t[.pages])">\(pager)</nav>
            """)
    }

    static func percent(_ value: Double?) -> Markup {
        guard let value else { return "—" }
        return "<span class=\"\(DisplayNumber.changeClass(value))\">\(DisplayNumber.signedPercent(value))</span>"
    }
}
