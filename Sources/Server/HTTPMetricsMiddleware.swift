import Hummingbird
import Metrics

/// Records each request's latency in the histogram `huice_http_request_duration_seconds`, by
/// route (the registered path, or `unmatched`, so unknown URLs cannot grow the label set), method
/// and status. The time is to the response head: for the event stream that is the time to
/// connect, not the stream's lifetime.
struct HTTPMetricsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    static let durationLabel = "huice_http_request_duration_seconds"

    /// Where the histogram is recorded (the server's Prometheus registry), not the global backend.
    let factory: any MetricsFactory

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath.flatMap { $0 == ErrorEnvelopeMiddleware.unmatchedEndpoint ? nil : $0 } ?? "unmatched"
        let elapsed = ContinuousClock.now - start
        Timer(label: Self.durationLabel, dimensions: [
            ("route", route), ("method", request.method.rawValue), ("status", String(response.status.code)),
        ], factory: factory).recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        return response
    }
}
