import Service

/// `/backtests/batch/{id}`: a batch's state and its tasks, with cancel and retry buttons, links to
/// each completed task's report, a compare selection and, when every task has ended, the batch
/// summary. While the batch runs, a small inline script follows the batch's event stream
/// (`/api/v1/backtest/events`, the API's SSE) and moves the progress bars and states in place;
/// without script the page is still right when reloaded.
struct BatchPage {
    var batch: BatchStatus
    /// A message about the last action (a refused cancel or retry), shown on top.
    var notice: String?

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let live = !batch.status.isTerminal
        let notice: Markup = self.notice.map { "<div class=\"card\" role=\"alert\"><p class=\"error\">\($0)</p></div>" } ?? ""
        let cancelBatch: Markup = live ? """
            <form method="post" action="/backtests/batch/\(batch.batchID)/cancel" class="actions">\
            <button type="submit" class="secondary">\(t[.cancelBatch])</button></form>
            """ : ""
        let rows: [Markup] = batch.tasks.map { task in
            let done = task.status == .completed
            let (select, link) = Self.compareBoxAndLink(taskID: task.taskID, stockCode: task.stockCode, completed: done, t)
            var actions: [Markup] = []
            if done { actions.append("<a href=\"/backtests/task/\(task.taskID)\">\(t[.openReport])</a>") }
            if !task.status.isTerminal {
                actions.append("<button type=\"submit\" class=\"small secondary\" formmethod=\"post\" formaction=\"/backtests/task/\(task.taskID)/cancel\">\(t[.cancelTask])</button>")
            }
            if task.status == .failed || task.status == .cancelled {
                actions.append("<button type=\"submit\" class=\"small\" formmethod=\"post\" formaction=\"/backtests/task/\(task.taskID)/retry\">\(t[.retryTask])</button>")
            }
            return """
                <tr data-task="\(task.taskID)"><td>\(select)</td><td>\(link)</td><td>\(task.stockCode)</td>\
                <td><span class="state state-\(task.status.rawValue)">\(t[Self.label(of: task.status)])</span></td>\
                <td><progress max="100" value="\(task.progress)" aria-label="\(t[.progress]) \(task.stockCode)"></progress> \
                <span class="pct">\(task.progress)%</span></td><td class="stage">\(task.currentStage ?? "")</td>\
                <td class="error">\(task.errorMessage ?? "")</td><td>\(actions)</td></tr>
                """
        }
        let labels = TaskState.allCases.map { "\"\($0.rawValue)\":\"\(t[Self.label(of: $0)])\"" }.joined(separator: ",")
        let script: Markup = live ? Markup(trusted: "<script>\n\(Self.liveScript)\n</script>") : ""
        return Page(title: t[.batchTitle, batch.name], section: .backtests, content: """
            <p><a href="/backtests">\(t[.backtestsTitle])</a> · <a href="/backtests?batch_id=\(batch.batchID)">\(t[.batchTaskList])</a></p>
            <h1>\(t[.batchTitle, batch.name])</h1>
            \(notice)
            <dl class="stats">
            <div><dt>\(t[.batchID])</dt><dd>\(batch.batchID)</dd></div>
            <div><dt>\(t[.status])</dt><dd><span id="batch-state" class="state state-\(batch.status.rawValue)">\(t[Self.label(of: batch.status)])</span></dd></div>
            <div><dt>\(t[.progress])</dt><dd><progress id="batch-progress" max="100" value="\(batch.progress)"></progress> <span id="batch-pct">\(batch.progress)%</span></dd></div>
            <div><dt>\(t[.taskCounts])</dt><dd>\(t[.taskCountsValue, String(batch.completedTasks), String(batch.totalTasks)])</dd></div>
            <div><dt>\(t[.failedCancelled])</dt><dd>\(batch.failedTasks) / \(batch.cancelledTasks)</dd></div>
            </dl>
            <p class="note">\(t[.batchTimes, batch.createdAt, batch.startedAt ?? "—", batch.completedAt ?? batch.estimatedCompletion ?? "—"])</p>
            \(cancelBatch)
            <p id="live" class="note" role="status" aria-live="polite">\(live ? t[.liveUpdating] : t[.batchEnded])</p>
            <form method="get" action="/backtests/compare">
            <div class="table-scroll"><table id="tasks" data-batch="\(batch.batchID)" data-labels="{\(labels)}">
            <thead><tr><th scope="col">\(t[.compareColumn])</th><th scope="col">\(t[.taskID])</th><th scope="col">\(t[.stockCode])</th>\
            <th scope="col">\(t[.status])</th><th scope="col">\(t[.progress])</th><th scope="col">\(t[.stage])</th>\
            <th scope="col">\(t[.errorMessage])</th><th scope="col">\(t[.actions])</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            <p><button type="submit">\(t[.compareSelected])</button> <span class="note">\(t[.compareHint])</span></p>
            </form>
            \(summary(t))
            \(script)
            """)
    }

    /// The batch summary of the completed tasks (getBatchStatus' `summary`).
    private func summary(_ t: I18n) -> Markup {
        guard let s = batch.summary else { return "" }
        func percent(_ value: Double?) -> Markup {
            guard let value else { return "—" }
            return "<span class=\"\(DisplayNumber.changeClass(value))\">\(DisplayNumber.signedPercent(value))</span>"
        }
        func extreme(_ e: BatchSummary.Extreme?) -> Markup {
            guard let e else { return "—" }
            return "<a href=\"/backtests/task/\(e.taskID)\">\(e.stockCode)</a> \(percent(e.totalReturn))"
        }
        return """
            <h2>\(t[.batchSummary])</h2>
            <dl class="stats">
            <div><dt>\(t[.profitableStocks])</dt><dd>\(s.profitableStocks) / \(s.stocks)</dd></div>
            <div><dt>\(t[.meanReturn])</dt><dd>\(percent(s.meanTotalReturn))</dd></div>
            <div><dt>\(t[.medianReturn])</dt><dd>\(percent(s.medianTotalReturn))</dd></div>
            <div><dt>\(t[.meanSharpe])</dt><dd>\(s.meanSharpeRatio.map { DisplayNumber.decimal($0) } ?? "—")</dd></div>
            <div><dt>\(t[.worstDrawdown])</dt><dd>\(percent(s.worstMaxDrawdown))</dd></div>
            <div><dt>\(t[.bestStock])</dt><dd>\(extreme(s.best))</dd></div>
            <div><dt>\(t[.worstStock])</dt><dd>\(extreme(s.worst))</dd></div>
            <div><dt>\(t[.summaryTrades])</dt><dd>\(DisplayNumber.grouped(s.totalTrades))</dd></div>
            </dl>
            """
    }

    /// A task's compare tick box (completed tasks only: only they have results) and its id,
    /// linked to the report when there is one. The batch page and the task list show both.
    static func compareBoxAndLink(taskID: String, stockCode: String, completed: Bool, _ t: I18n) -> (box: Markup, link: Markup) {
        guard completed else { return ("", "\(taskID)") }
        return ("<input type=\"checkbox\" name=\"task\" value=\"\(taskID)\" aria-label=\"\(t[.compareSelect, stockCode])\">",
                "<a href=\"/backtests/task/\(taskID)\">\(taskID)</a>")
    }

    static func label(of state: TaskState) -> I18n.Key {
        switch state {
        case .pending: .statePending
        case .queued: .stateQueued
        case .running: .stateRunning
        case .completed: .stateCompleted
        case .failed: .stateFailed
        case .cancelled: .stateCancelled
        }
    }

    /// Follows the batch's event stream: progress and state per task row, the batch's progress
    /// as the mean of its tasks'; when the batch ends, the page reloads once to show the final
    /// table, the report links and the summary. Reads everything it needs from the table's
    /// data attributes, so no value is written into the script itself.
    static let liveScript = """
        (function () {
          var table = document.getElementById("tasks");
          if (!table || !window.EventSource) return;
          var labels = JSON.parse(table.getAttribute("data-labels"));
          var stream = new EventSource("/api/v1/backtest/events?batch_id=" + encodeURIComponent(table.getAttribute("data-batch")));
          function row(id) { return table.querySelector('tr[data-task="' + id + '"]'); }
          function overall() {
            var bars = table.querySelectorAll("tbody progress"), sum = 0;
            for (var i = 0; i < bars.length; i++) sum += Number(bars[i].value);
            var pct = bars.length ? Math.floor(sum / bars.length) : 0;
            document.getElementById("batch-progress").value = pct;
            document.getElementById("batch-pct").textContent = pct + "%";
          }
          function setProgress(r, value) {
            r.querySelector("progress").value = value;
            r.querySelector(".pct").textContent = value + "%";
          }
          stream.addEventListener("task_progress", function (e) {
            var d = JSON.parse(e.data), r = row(d.task_id);
            if (!r) return;
            setProgress(r, d.progress);
            r.querySelector(".stage").textContent = d.current_stage || "";
            overall();
          });
          stream.addEventListener("task_state", function (e) {
            var d = JSON.parse(e.data), r = row(d.task_id);
            if (!r) return;
            var state = r.querySelector(".state");
            state.textContent = labels[d.to] || d.to;
            state.className = "state state-" + d.to;
            r.querySelector(".stage").textContent = d.current_stage || "";
            if (d.to === "completed") setProgress(r, 100);
            if (d.error_message) r.querySelector(".error").textContent = d.error_message;
            overall();
          });
          stream.addEventListener("batch_completed", function () {
            stream.close();
            window.location.reload();
          });
        })();
        """
}
