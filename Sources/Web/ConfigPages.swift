import Factors
import Storage

/// The factor-config section's routes: list, new form, create, delete with confirmation. Every
/// rule is `FactorConfigManager`'s (the same validator as the JSON API); these only translate
/// form fields to a draft and its errors back to the form.
struct ConfigPages: Sendable {
    let manager: FactorConfigManager

    var routes: [WebRoute] {
        let manager = self.manager
        return [
            .get("/configs") { request in try await Self.list(request, manager: manager) },
            .get("/configs/new") { request in .page(ConfigFormPage(form: FormFields(), issues: []).page(for: request)) },
            .post("/configs") { request in try await Self.create(request, manager: manager) },
            .get("/configs/{id}/delete") { request in try await Self.confirmDelete(request, manager: manager) },
            .post("/configs/{id}/delete") { request in try await Self.delete(request, manager: manager) },
        ]
    }

    static func list(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        let number = request.query["page"].flatMap(Int.init).map { max(1, min($0, 1_000_000)) } ?? 1
        let page = try await manager.list(page: number, size: ConfigListPage.pageSize)
        return .page(ConfigListPage(page: page).page(for: request))
    }

    static func create(_ request: WebRequest, manager: FactorConfigManager) async throws -> PageResult {
        let t = request.i18n
        do {
            _ = try await manager.create(ConfigFormPage.draft(from: request.form))
            return .redirect("/configs")
        } catch FactorConfigError.validationFailed(let result) {
            let issues = result.errors.map { issue in
                (field: issue.field, text: request.preferences.language == .zh ? issue.code.summaryZH + "：" + issue.message : issue.message)
            }
            return rejected(request, issues)
        } catch FactorConfigError.stockAlreadyConfigured(_, let existing) {
            return rejected(request, [(field: "stock_code", text: t[.stockTaken, existing])])
        } catch FactorConfigError.invalidArgument(let field, let reason) {
            return rejected(request, [(field: field, text: reason)])
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

    /// The form again, as sent, with the problems: 422 so a client can tell it was not saved.
    private static func rejected(_ request: WebRequest, _ issues: [(field: String, text: String)]) -> PageResult {
        .page(ConfigFormPage(form: request.form, issues: issues).page(for: request), status: .unprocessableContent)
    }

    private static func notFound(_ id: String, _ request: WebRequest) -> PageResult {
        .page(ErrorPage.notFound(request.i18n[.configNotFound, id], for: request), status: .notFound)
    }
}
