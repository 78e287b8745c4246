import HTTPTypes
import Hummingbird
import Logging
import Web

/// Turns every failure below it into the seed's error envelope with the matching HTTP status:
/// the modules' structured errors through `APIError(describing:)`; a path no route has → 404,
/// a path that exists under other methods → 405 with `Allow`; anything else → 500 that names
/// only the request id, while the log gets the real error.
///
/// When the site's pages are served, a GET or HEAD of an unknown path outside the API
/// (`/api/…`, `/metrics`, `/healthz`) is a browser's: it gets the HTML 404 page in the reader's
/// language instead of the envelope.
struct ErrorEnvelopeMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let routes: RouteIndex
    /// Whether the HTML pages are mounted (unknown page paths then answer an HTML 404).
    var servesPages = false

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && context.endpointPath == Self.unmatchedEndpoint {
            if servesPages, request.method == .get || request.method == .head, Self.isPagePath(request.uri.path),
               routes.allowedMethods(for: request.uri.path).isEmpty {
                let page = WebRequest(path: request.uri.path, query: FormFields(encoded: request.uri.query ?? ""),
                                      cookie: { request.cookies[$0]?.value })
                return WebResponse.html(ErrorPage.pageNotFound(for: page), for: page, status: .notFound)
            }
            return JSONResponse.failure(unmatched(request))
        } catch {
            if let known = APIError(describing: error) {
                if known.status.kind == .serverError {
                    context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                return JSONResponse.failure(known)
            }
            context.logger.error("request failed with an unexpected error", metadata: [
                "error": "\(String(reflecting: error))", "error_type": "\(type(of: error))",
            ])
            return JSONResponse.failure(.internalError(requestID: context.requestID))
        }
    }

    /// Whether `path` is outside the API's paths (`/api/…`, `/metrics`, `/healthz`), so a browser's.
    static func isPagePath(_ path: String) -> Bool {
        !(path == "/api" || path.hasPrefix("/api/") || ["/metrics", "/healthz"].contains(path))
    }

    /// What Hummingbird's router records as the endpoint of a request no route matched.
    static let unmatchedEndpoint = "NotFound"

    private func unmatched(_ request: Request) -> APIError {
        let path = request.uri.path
        let allowed = routes.allowedMethods(for: path)
        guard !allowed.isEmpty else {
            return .notFound(APIError.Messages.routeNotFound)
        }
        let names = allowed.map(\.rawValue).sorted()
        return APIError(status: .methodNotAllowed, message: APIError.Messages.methodNotAllowed,
                        reason: "\(path) takes \(names.joined(separator: ", ")), not \(request.method.rawValue)",
                        details: ["field": "method", "reason": "method not allowed",
                                  "method": .string(request.method.rawValue), "allowed": .array(names.map { .string($0) })],
                        headers: [.allow: names.joined(separator: ", ")])
    }
}
