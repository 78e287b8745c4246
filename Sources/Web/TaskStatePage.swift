import Service

/// The report's answer for a task without results yet (or ever): its state, progress and last
/// error, with a link to its batch's live page. Not an error page: asking for the report of a
/// queued task is a normal thing to do, and the answer is "not yet".
struct TaskStatePage {
    var status: TaskStatus

    static func label(of state: TaskState) -> I18n.Key {
        switch state {
        case .pending: .reportStatePending
        case .queued: .reportStateQueued
        case .running: .reportStateRunning
        case .completed: .reportStateCompleted
        case .failed: .reportStateFailed
        case .cancelled: .reportStateCancelled
        }
    }

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let state = t[Self.label(of: status.status)]
        var lines: [Markup] = [
            "<p data-state=\"\(status.status.rawValue)\">\(t[.reportNoResultsYet, status.taskID, state, String(status.progress)])</p>",
        ]
        if !status.status.isTerminal {
            lines.append("<p class=\"note\">\(t[.reportComeBack])</p>")
        }
        if let message = status.errorMessage, !message.isEmpty {
            lines.append("<p class=\"error\">\(t[.reportLastError, message])</p>")
        }
        if let batch = status.batchID {
            lines.append("<p><a href=\"\(WebRequest.link("/backtests/batch/" + batch))\">\(t[.reportToBatch, batch])</a></p>")
        }
        lines.append("<p><a href=\"\(WebRequest.link(request.path, request.query.pairs))\">\(t[.reportReload])</a></p>")
        let title = status.stockCode + " · " + t[.reportTitle]
        return Page(title: title, section: .backtests, content: """
            <p><a href="/backtests">\(t[.reportBackToTasks])</a></p>
            <h1>\(title)</h1>
            <div class="card">\(lines)</div>
            """)
    }
}
