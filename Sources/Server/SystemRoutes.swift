import Foundation
import Hummingbird
import NIOCore

/// The operational routes: `/healthz`, `/metrics` (Prometheus) and the OpenAPI document.
struct SystemRoutes: Sendable {
    /// Checks the store with a cheap query; throws when it is unreachable.
    let probeStore: @Sendable () async throws -> StoreHealth
    /// Refreshes gauges owned by others (the task manager's) before a scrape.
    let refreshGauges: @Sendable () async throws -> Void
    let metrics: ServerMetrics

    var endpoints: [APIEndpoint] {
        [
            .get("/healthz", health),
            .get("/metrics", exposition),
            .get("/api/v1/openapi.json", openAPI),
        ]
    }

    struct Health: Encodable {
        var status: String
        var store: StoreHealth
    }

    /// 200 `{code: 200, message: "ok", data: {status: "ok", store: {…}}}`; a store that does not
    /// answer is a 503 in the error envelope (the cause goes to the log only).
    @Sendable func health(_ request: Request, context: APIRequestContext) async throws -> Response {
        let store: StoreHealth
        do {
            store = try await probeStore()
        } catch {
            context.logger.error("health check: the store does not answer", metadata: ["error": "\(error)"])
            throw APIError(status: .serviceUnavailable, message: "服务不可用", reason: "the store does not answer",
                           details: ["field": "store", "reason": "unreachable", "request_id": .string(context.requestID)])
        }
        return try JSONResponse.success(Health(status: "ok", store: store), message: "ok")
    }

    /// A failing gauge refresh is logged and the scrape still answers with what is known:
    /// losing the HTTP metrics because the task tables are busy would be worse.
    @Sendable func exposition(_ request: Request, context: APIRequestContext) async throws -> Response {
        do {
            try await refreshGauges()
        } catch {
            context.logger.warning("metrics: the task gauges could not be refreshed", metadata: ["error": "\(error)"])
        }
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }

    @Sendable func openAPI(_ request: Request, context: APIRequestContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.data)))
    }
}
