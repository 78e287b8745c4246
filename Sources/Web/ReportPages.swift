import Charts
import Foundation
import HuiceCore
import Reports
import Runtime
import Service
import Storage

/// One run's report, the comparison of runs and the downloads (CSV, xlsx, a saved HTML report).
/// Handlers read the task manager (results, status, config snapshot) and the store (the stock's
/// bars, the benchmark), build a `TaskReport` and hand it to a renderer or an exporter.
struct ReportPages: Sendable {
    let tasks: TaskManager
    let store: MarketDataStore

    static let xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let csvContentType = "text/csv; charset=utf-8"

    var routes: [WebRoute] {
        let pages = self
        return [
            .get("/backtests/compare") { request in try await pages.compare(request) },
            .get("/backtests/task/{id}") { request in try await pages.report(request) },
            .get("/backtests/task/{id}/trades.csv") { request in try await pages.tradesCSV(request) },
            .get("/backtests/task/{id}/equity.csv") { request in try await pages.equityCSV(request) },
            .get("/backtests/task/{id}/report.xlsx") { request in try await pages.workbook(request) },
            .get("/backtests/task/{id}/report.html") { request in try await pages.document(request) },
        ]
    }

    // MARK: - Handlers

    func report(_ request: WebRequest) async throws -> PageResult {
        try await withResults(request, parts: ResultParts(trades: true, equityCurve: true)) { results in
            let report = try await taskReport(results, market: true)
            return .page(ReportPage(report: report, query: request.query).page(for: request))
        }
    }

    /// Every order record, as `TradesCSV` writes it; `?bom=1` starts it with the byte order mark Excel needs.
    func tradesCSV(_ request: WebRequest) async throws -> PageResult {
        try await withResults(request, parts: ResultParts(trades: true)) { results in
            let data = TradesCSV(trades: results.trades ?? []).data(options: Self.csvOptions(request))
            return .file(data, contentType: Self.csvContentType, filename: "huice-trades-\(results.taskID).csv")
        }
    }

    func equityCSV(_ request: WebRequest) async throws -> PageResult {
        try await withResults(request, parts: ResultParts(equityCurve: true)) { results in
            let data = EquityCSV(equityCurve: results.equityCurve ?? []).data(options: Self.csvOptions(request))
            return .file(data, contentType: Self.csvContentType, filename: "huice-equity-\(results.taskID).csv")
        }
    }

    /// `?bom=1` (or true, yes): Excel's options, the UTF-8 byte order mark first; else the plain file.
    static func csvOptions(_ request: WebRequest) -> CSVDocument.Options {
        ["1", "true", "yes"].contains(request.query.trimmed("bom")?.lowercased() ?? "") ? .excel : CSVDocument.Options()
    }

    func workbook(_ request: WebRequest) async throws -> PageResult {
        try await withResults(request, parts: ResultParts(trades: true, equityCurve: true)) { results in
            // The workbook has no charts: the stock's and the benchmark's bars are not read.
            let report = try await taskReport(results, market: false)
            let data = try XLSXWorkbook(content: report.reportContent).data()
            return .file(data, contentType: Self.xlsxContentType, filename: "huice-report-\(results.taskID).xlsx")
        }
    }

    func document(_ request: WebRequest) async throws -> PageResult {
        try await withResults(request, parts: ResultParts(trades: true, equityCurve: true)) { results in
            let report = try await taskReport(results, market: true)
            let document = ReportDocument(report: report, language: request.preferences.language, colors: request.preferences.colors)
            return .file(Data(document.html().utf8), contentType: WebResponse.htmlContentType, filename: document.filename)
        }
    }

    func compare(_ request: WebRequest) async throws -> PageResult {
        let t = request.i18n
        var ids: [String] = []
        for id in request.query.list("task").map({ $0.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty && !ids.contains(id) {
            ids.append(id)
        }
        guard (ComparePage.minimumRuns...ComparePage.maximumRuns).contains(ids.count) else {
            let message = t[.compareCount, String(ComparePage.minimumRuns), String(ComparePage.maximumRuns), String(ids.count)]
            return .page(CompareProblemPage(title: .compareCannotTitle, messages: [message]).page(for: request), status: .badRequest)
        }
        var unknown: [String] = [], waiting: [String] = [], runs: [TaskReport] = []
        for id in ids {
            switch try await load(id, parts: ResultParts(equityCurve: true)) {
            case .notFound: unknown.append(id)
            case .waiting(let status): waiting.append(t[.compareWaitingTask, id, t[TaskStatePage.label(of: status.status)]])
            case .results(let results):
                runs.append(TaskReport(results: results, config: try await readableConfig(results.taskID), stockName: ""))
            }
        }
        // Say everything that is wrong at once; an unknown id outranks one that is only not ready.
        var messages: [String] = []
        if !unknown.isEmpty { messages.append(t[.compareUnknown, unknown.joined(separator: ", ")]) }
        if !waiting.isEmpty { messages.append(t[.compareNoResults, waiting.joined(separator: ", ")]) }
        if !unknown.isEmpty {
            return .page(CompareProblemPage(title: .notFoundTitle, messages: messages).page(for: request), status: .notFound)
        }
        if !waiting.isEmpty {
            return .page(CompareProblemPage(title: .compareNotReadyTitle, messages: messages).page(for: request), status: .conflict)
        }
        let instruments = try await store.instruments()
        for i in runs.indices {
            runs[i].stockName = StockCode(normalizing: runs[i].stockCode).flatMap { instruments[$0]?.name } ?? ""
        }
        return .page(ComparePage(runs: runs).page(for: request))
    }

    // MARK: - Loading

    /// A task's results, or why there are none.
    enum Loaded {
        case results(TaskResults)
        /// The task exists but has no results (queued, running, failed, cancelled).
        case waiting(TaskStatus)
        case notFound
    }

    func load(_ id: String, parts: ResultParts) async throws -> Loaded {
        do {
            return .results(try await tasks.taskResults(taskID: id, include: parts))
        } catch ServiceError.notFound {
            return .notFound
        } catch ServiceError.conflict {
            do {
                return .waiting(try await tasks.taskStatus(taskID: id))
            } catch ServiceError.notFound {
                return .notFound  // deleted in between
            }
        }
    }

    /// `body` with the results of the route's task; an unknown task is an HTML 404, one without
    /// results its state page: 200 for the report (asking early is normal), 409 for a download
    /// (there is no file to give).
    private func withResults(_ request: WebRequest, parts: ResultParts,
                             _ body: (TaskResults) async throws -> PageResult) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        switch try await load(id, parts: parts) {
        case .notFound:
            return .page(ErrorPage.notFound(request.i18n[.reportTaskNotFound, id], for: request), status: .notFound)
        case .waiting(let status):
            let isDownload = request.path.hasSuffix(".csv") || request.path.hasSuffix(".xlsx") || request.path.hasSuffix(".html")
            return .page(TaskStatePage(status: status).page(for: request), status: isDownload ? .conflict : .ok)
        case .results(let results):
            return try await body(results)
        }
    }

    /// The task's config snapshot; nil when it no longer decodes (a report without its config
    /// beats no report).
    private func readableConfig(_ taskID: String) async throws -> EffectiveConfig? {
        do {
            return try await tasks.taskConfig(taskID: taskID)
        } catch is ConfigError {
            return nil
        }
    }

    /// The report of `results`; with `market`, the stock's bars over the run and the benchmark
    /// curve from the store (the charts need them, the workbook does not).
    func taskReport(_ results: TaskResults, market: Bool) async throws -> TaskReport {
        let config = try await readableConfig(results.taskID)
        var name = "", bars = OHLCSeries(days: [], open: [], high: [], low: [], close: [], volume: [])
        var benchmark = TaskReport.Benchmark.notSet
        let code = StockCode(normalizing: results.stockCode)
        let start = TradingDay(parsing: results.startDate), end = TradingDay(parsing: results.endDate)
        if market, let code {
            let data = try await store.load(codes: [code], from: start, to: end)
            name = data.instrument(code).name
            if let series = data.series[code] {
                bars = OHLCSeries(times: series.times, open: series.open, high: series.high, low: series.low,
                                  close: series.close, volume: series.volume)
            }
            if let benchmarkCode = config?.benchmark {
                // Its whole history up to the end: the base is the close before the first session.
                let indexData = try await store.load(codes: [benchmarkCode], to: end)
                let days = (results.equityCurve ?? []).map(\.tradeDate)
                benchmark = indexData.series[benchmarkCode]
                    .flatMap { BenchmarkCurve(code: benchmarkCode, series: $0, days: days, initialCash: results.initialCash.yuan) }
                    .map { .curve($0) } ?? .missing(benchmarkCode)
            }
        } else if let code {
            name = try await store.instruments()[code]?.name ?? ""
        }
        return TaskReport(results: results, config: config, stockName: name, bars: bars, benchmark: benchmark)
    }
}
