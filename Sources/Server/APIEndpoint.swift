import HTTPTypes
import Hummingbird

/// One route of the API: method, path and handler. The routers are built from lists of these,
/// so the same list answers "which methods does this path take?" (405 vs 404) and the OpenAPI
/// test can compare the router's routes with the document.
public struct APIEndpoint: Sendable {
    public typealias Handler = @Sendable (Request, APIRequestContext) async throws -> Response

    public let method: HTTPRequest.Method
    public let path: String
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.handler = handler
    }

    static func post(_ path: String, _ handler: @escaping Handler) -> APIEndpoint { APIEndpoint(.post, path, handler) }
    static func get(_ path: String, _ handler: @escaping Handler) -> APIEndpoint { APIEndpoint(.get, path, handler) }
}

/// Which methods each registered path takes (for 405 answers and their `Allow` header).
struct RouteIndex: Sendable {
    private let methods: [String: [HTTPRequest.Method]]

    init(_ routes: [(method: HTTPRequest.Method, path: String)]) {
        methods = Dictionary(grouping: routes, by: { Self.normalized($0.path) }).mapValues { $0.map(\.method) }
    }

    /// The methods `path` takes; empty when no route has this path.
    func allowedMethods(for path: String) -> [HTTPRequest.Method] {
        methods[Self.normalized(path)] ?? []
    }

    /// The router ignores a trailing slash; so does the index.
    private static func normalized(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
