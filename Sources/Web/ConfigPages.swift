import Factors
import Storage

/// The factor-config section's routes: list, new form, create, edit, delete with confirmation.
/// Every rule is `FactorConfigManager`'s (the same validator as the JSON API); these only
/// translate form fields to a draft and its errors back to the form.
struct ConfigPages: Sendable {
    let manager: FactorConfigManager

    var routes: [WebRoute] {
        let manager = self.manager
        return [
            .get("/configs") { request in try await Self.list(request, manager: manager) },
            .get("/configs/new") { request in .page(Self.form(FormFields(), manager: manager).page(for: request)) },
            .post("/configs") { request in try await Self.create(request, manager: manager) },
            .get("/configs/{id}/edit") { request in try await Self.edit(request, manager: manager) },
            .post("/configs/{id}/edit") { request in try await Self.update(request, manager: manager) },
            .get("/configs/{id}/delete") { request in try await Self.confirmDelete(request, manager: manager) },
            .post("/configs/{id}/delete") { request in try await Self.delete(request, manager: manager) },
        ]
    }

    static func list(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        let number = request.query["page"].flatMap(Int.init).map { max(1, min($0, 1_000_000)) } ?? 1
        let page = try await manager.list(page: number, size: ConfigListPage.pageSize)
        return .page(ConfigListPage(page: page).page(for: request))
    }

    /// A form page with the validator's tolerance for the live weight sum.
    static func form(_ fields: FormFields, manager: FactorConfigManager) -> ConfigFormPage {
        ConfigFormPage(form: fields, issues: [], weightTolerance: manager.validator.options.weightTolerance)
    }

    static func create(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        do {
            _ = try await manager.create(ConfigFormPage.draft(from: request.form))
            return .redirect("/configs")
        } catch {
            return try rejected(request, error, form(request.form, manager: manager))
        }
    }

    /// The form filled from the stored config.
    static func edit(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        guard let config = try await existing(id, manager: manager) else { return notFound(id, request) }
        var page = form(ConfigFormPage.fields(of: config), manager: manager)
        page.editing = id
        page.keptParameters = ConfigFormPage.parameterTexts(of: config)
        return .page(page.page(for: request))
    }

    /// Replaces the config with the form through `FactorConfigManager.update`. The form has no
    /// parameter fields, so the stored parameters of the factors still listed are carried over
    /// rather than dropped.
    static func update(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        guard let config = try await existing(id, manager: manager) else { return notFound(id, request) }
        var draft = ConfigFormPage.draft(from: request.form)
        let listed = Set(draft.technicalFactors + draft.fundamentalFactors + draft.marketFactors + draft.sentimentFactors)
        draft.factorParams = config.factorParams.filter { listed.contains($0.key) }
        do {
            _ = try await manager.update(configID: id, with: draft)
            return .redirect("/configs")
        } catch FactorConfigError.notFound {
            return notFound(id, request)
        } catch {
            var page = form(request.form, manager: manager)
            page.editing = id
            page.keptParameters = ConfigFormPage.parameterTexts(of: config).filter { text in
                listed.contains(String(text.prefix { $0 != "(" }))
            }
            return try rejected(request, error, page)
        }
    }

    private static func existing(_ id: String, manager: FactorConfigManager) async throws -> FactorConfig? {
        do {
            return try await manager.get(configID: id)
        } catch FactorConfigError.notFound {
            return nil
        }
    }

    static func confirmDelete(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        do {
            return .page(ConfigDeletePage(config: try await manager.get(configID: id)).page(for: request))
        } catch FactorConfigError.notFound {
            return notFound(id, request)
        }
    }

    static func delete(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        let id = request.parameters["id"] ?? ""
        do {
            _ = try await manager.delete(configID: id)
            return .redirect("/configs")
        } catch FactorConfigError.notFound {
            return notFound(id, request)
        }
    }

    /// The form again, as sent, with the problems `error` names: 422 so a client can tell it was
    /// not saved. Errors that are not about the form are rethrown.
    private static func rejected(_ request: WebRequest, _ error: any Error, _ page: ConfigFormPage) throws -> PageResult {
        let t = request.i18n
        var page = page
        switch error {
        case FactorConfigError.validationFailed(let result):
            page.issues = result.errors.map { issue in
                (field: issue.field, text: request.preferences.language == .zh ? issue.code.summaryZH + "：" + issue.message : issue.message)
            }
        case FactorConfigError.stockAlreadyConfigured(_, let existing):
            page.issues = [(field: "stock_code", text: t[.stockTaken, existing])]
        case FactorConfigError.invalidArgument(let field, let reason):
            page.issues = [(field: field, text: reason)]
        default:
            throw error
        }
        return .page(page.page(for: request), status: .unprocessableContent)
    }

    private static func notFound(_ id: String, _ request: WebRequest) -> PageResult {
        .page(ErrorPage.notFound(request.i18n[.configNotFound, id], for: request), status: .notFound)
    }
}
