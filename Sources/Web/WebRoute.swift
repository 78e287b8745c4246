import HTTPTypes

/// One page route: method, path and handler, a value like the API's `APIEndpoint`, so the site's
/// route list can be registered on any router and listed by tests and docs.
public struct WebRoute: Sendable {
    public typealias Handler = @Sendable (WebRequest) async throws -> PageResult

    public let method: HTTPRequest.Method
    public let path: String
    /// The largest POST body this route takes, when it is not the request context's limit (the
    /// import page's uploads are market-data files, larger than any JSON request); the GET of the
    /// same page carries it too, so its form can state it.
    public let maxBodySize: Int?
    let handler: Handler

    public init(_ method: HTTPRequest.Method, _ path: String, maxBodySize: Int? = nil, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.maxBodySize = maxBodySize
        self.handler = handler
    }

    public static func get(_ path: String, maxBodySize: Int? = nil, _ handler: @escaping Handler) -> WebRoute {
        WebRoute(.get, path, maxBodySize: maxBodySize, handler)
    }

    public static func post(_ path: String, maxBodySize: Int? = nil, _ handler: @escaping Handler) -> WebRoute {
        WebRoute(.post, path, maxBodySize: maxBodySize, handler)
    }

    /// Runs the handler: what the router does for a matching request (benchmarks time pages this way).
    public func respond(to request: WebRequest) async throws -> PageResult { try await handler(request) }

    /// The names of the path's `{parameter}` segments.
    var parameterNames: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
    }
}
