import HTTPTypes

/// One page route: method, path and handler, a value like the API's `APIEndpoint`, so the site's
/// route list can be registered on any router and listed by tests and docs.
public struct WebRoute: Sendable {
    public typealias Handler = @Sendable (WebRequest) async throws -> PageResult

    public let method: HTTPRequest.Method
    public let path: String
    let handler: Handler

    public init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.handler = handler
    }

    public static func get(_ path: String, _ handler: @escaping Handler) -> WebRoute { WebRoute(.get, path, handler) }
    public static func post(_ path: String, _ handler: @escaping Handler) -> WebRoute { WebRoute(.post, path, handler) }

    /// Runs the handler: what the router does for a matching request (benchmarks time pages this way).
    public func respond(to request: WebRequest) async throws -> PageResult { try await handler(request) }

    /// The names of the path's `{parameter}` segments.
    var parameterNames: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
    }
}
