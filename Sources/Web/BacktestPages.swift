import Factors
import HuiceCore
import Service
import Storage

/// The backtest section's routes: the task list, the batch form and the batch page with live
/// progress, cancel and retry. Every rule is the task manager's: the form becomes the API's
/// createBatch body and goes through `BatchRequest.parse`, cancel and retry are its calls.
struct BacktestPages: Sendable {
    let tasks: TaskManager
    let store: MarketDataStore
    let factorConfigs: FactorConfigManager

    var routes: [WebRoute] {
        let pages = self
        return [
            .get("/backtests") { request in try await pages.list(request) },
            .get("/backtests/new") { request in try await pages.form(request, fields: nil, issues: []) },
            .post("/backtests") { request in try await pages.create(request) },
            .get("/backtests/batch/{id}") { request in try await pages.batch(request) },
            .post("/backtests/batch/{id}/cancel") { request in try await pages.cancelBatch(request) },
            .post("/backtests/task/{id}/cancel") { request in try await pages.act(request, retry: false) },
            .post("/backtests/task/{id}/retry") { request in try await pages.act(request, retry: true) },
        ]
    }

    func list(_ request: WebRequest) async throws -> PageResult {
        var ignored: [String] = []
        func day(_ name: String) -> TradingDay? {
            guard let text = request.query.trimmed(name) else { return nil }
            guard let day = TradingDay(parsing: text) else { ignored.append(text); return nil }
            return day
        }
        let number = request.query["page"].flatMap(Int.init).map { max(1, min($0, 1_000_000)) } ?? 1
        let query = TaskListQuery(page: number, size: BacktestListPage.pageSize,
                                  status: request.query.trimmed("status").flatMap(TaskState.init(rawValue:)),
                                  startDate: day("start_date"), endDate: day("end_date"),
                                  batchID: request.query.trimmed("batch_id"))
        let list = try await tasks.taskList(query)
        return .page(BacktestListPage(list: list, filter: query, ignored: ignored).page(for: request))
    }

    /// The form: new (`fields` nil: the defaults) or as posted with its problems (422).
    func form(_ request: WebRequest, fields: FormFields?, issues: [(field: String, text: String)]) async throws -> PageResult {
        let summary = try await store.summary()
        let instruments = try await store.instruments()
        let tradable = summary.stocks.filter { (instruments[$0.code]?.board ?? $0.code.inferredBoard) != .index }
        let stocks = tradable.map { BatchFormPage.Stock(code: $0.code.rawValue, name: instruments[$0.code]?.name ?? "") }
        let configs = try await factorConfigs.list(page: 1, size: FactorConfigManager.maxPageSize).configs
        let lastDay = Self.usualLastDay(tradable.map(\.lastDay))
        let page = BatchFormPage(stocks: stocks, configs: configs,
                                 form: fields ?? BatchFormPage.initialFields(lastDay: lastDay, configs: configs), issues: issues)
        return .page(page.page(for: request), status: issues.isEmpty ? .ok : .unprocessableContent)
    }

    /// The last day most stocks share (the latest of equally common ones): a new form's period
    /// should fit the stocks a user is likely to tick, not the one series that runs longest.
    static func usualLastDay(_ days: [TradingDay]) -> TradingDay? {
        var counts: [TradingDay: Int] = [:]
        for day in days { counts[day, default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
    }

    func create(_ request: WebRequest) async throws -> PageResult {
        let english = request.preferences.language == .en
        do {
            let created = try await tasks.createBatch(try BatchRequest.parse(BatchForm.body(from: request.form)))
            return .redirect("/backtests/batch/" + created.batchID)
        } catch let error as RequestError {
            let text = english ? "\(error.field): \(error.reason) — \(error.message)" : error.message
            return try await form(request, fields: request.form, issues: [(field: BatchForm.formField(for: error.field), text: text)])
        } catch ServiceError.invalidRequest(let error) {
            let text = english ? "\(error.field): \(error.reason) — \(error.message)" : error.message
            return try await form(request, fields: request.form, issues: [(field: BatchForm.formField(for: error.field), text: text)])
        } catch ServiceError.notFound(let kind, let id) {
            return try await form(request, fields: request.form,
                                  issues: [(field: "strategy", text: request.i18n[.batchReferenceMissing, kind, id])])
        }
    }

    func batch(_ request: WebRequest, notice: String? = nil) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        do {
            let status = try await tasks.batchStatus(batchID: id)
            return .page(BatchPage(batch: status, notice: notice).page(for: request), status: notice == nil ? .ok : .conflict)
        } catch ServiceError.notFound {
            return .page(ErrorPage.notFound(request.i18n[.batchNotFound, id], for: request), status: .notFound)
        }
    }

    func cancelBatch(_ request: WebRequest) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        do {
            _ = try await tasks.cancelBatch(batchID: id)
            return .redirect("/backtests/batch/" + id)
        } catch ServiceError.notFound {
            return .page(ErrorPage.notFound(request.i18n[.batchNotFound, id], for: request), status: .notFound)
        } catch ServiceError.conflict(_, let message) {
            return try await batch(request, notice: message)
        }
    }

    /// Cancels or retries one task, then shows its batch again (a refusal — the task has already
    /// ended, or is not failed or cancelled — is said on the batch page with 409).
    func act(_ request: WebRequest, retry: Bool) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        let task: TaskStatus
        do {
            task = try await tasks.taskStatus(taskID: id)
        } catch ServiceError.notFound {
            return .page(ErrorPage.notFound(request.i18n[.taskNotFound, id], for: request), status: .notFound)
        }
        let back = task.batchID.map { "/backtests/batch/" + $0 } ?? "/backtests"
        do {
            _ = retry ? try await tasks.retryTask(taskID: id) : try await tasks.cancelTask(taskID: id)
            return .redirect(back)
        } catch ServiceError.conflict(_, let message) {
            guard let batchID = task.batchID else {
                return .page(ErrorPage.notFound(message, for: request), status: .conflict)
            }
            var shown = request
            shown.parameters["id"] = batchID
            return try await batch(shown, notice: message)
        }
    }
}
