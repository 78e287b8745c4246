import Factors
import Foundation
import Hummingbird
import Storage

/// Seed 000 §2.2.7: `/api/v1/factor-config/create|get|update|delete|list|get-by-stock` over a
/// `FactorConfigManager`. Each handler reads the body strictly, calls the manager once and wraps
/// the answer; validation is the manager's (`FactorConfigValidator`), error mapping `APIError`'s.
struct FactorConfigRoutes: Sendable {
    let manager: FactorConfigManager

    static let basePath = "/api/v1/factor-config"

    var endpoints: [APIEndpoint] {
        let base = Self.basePath
        return [
            .post("\(base)/create", create),
            .post("\(base)/get", get),
            .post("\(base)/update", update),
            .post("\(base)/delete", delete),
            .post("\(base)/list", list),
            .post("\(base)/get-by-stock", getByStock),
        ]
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let draft = try FactorConfigDraft.decode(try await JSONRequestBody.readDocument(request, context: context))
        let saved = try await manager.create(draft)
        return try JSONResponse.success(FactorConfigCreated(saved.config), message: "配置创建成功", warnings: saved.warnings)
    }

    @Sendable func get(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try RequestObject(try await JSONRequestBody.read(request, context: context), allowed: ["config_id"])
        return try JSONResponse.success(try await manager.get(configID: try body.requiredString("config_id")), message: "查询成功")
    }

    /// The seed's update body is a whole config with its `config_id`.
    @Sendable func update(_ request: Request, context: APIRequestContext) async throws -> Response {
        let draft = try FactorConfigDraft.decode(try await JSONRequestBody.readDocument(request, context: context))
        guard let configID = draft.configID, !configID.isEmpty else {
            throw APIError.invalidField("config_id", reason: "required field missing", message: "config_id不能为空")
        }
        let saved = try await manager.update(configID: configID, with: draft)
        return try JSONResponse.success(FactorConfigUpdated(saved.config), message: "配置更新成功", warnings: saved.warnings)
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try RequestObject(try await JSONRequestBody.read(request, context: context), allowed: ["config_id"])
        return try JSONResponse.success(try await manager.delete(configID: try body.requiredString("config_id")),
                                        message: "配置删除成功")
    }

    /// `page` (from 1, default 1) and `size` (1…100, default 10).
    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try RequestObject(try await JSONRequestBody.read(request, context: context), allowed: ["page", "size"])
        let page = try body.optionalInteger("page", in: 1...Int.max) ?? 1
        let size = try body.optionalInteger("size", in: 1...FactorConfigManager.maxPageSize) ?? 10
        return try JSONResponse.success(try await manager.list(page: page, size: size), message: "查询成功")
    }

    @Sendable func getByStock(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try RequestObject(try await JSONRequestBody.read(request, context: context), allowed: ["stock_code"])
        return try JSONResponse.success(try await manager.get(stockCode: try body.requiredString("stock_code", maxLength: 32)),
                                        message: "查询成功")
    }
}
