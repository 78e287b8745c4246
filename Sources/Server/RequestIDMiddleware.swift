import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id — the client's `X-Request-ID` when it is a sensible token, else a
/// new UUID — echoes it in the response's `X-Request-ID`, puts it in the logger's metadata
/// (`request_id`, `module: http`) and logs one line per request with its status and time.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    static let header = HTTPField.Name("X-Request-ID")!

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = Self.acceptedID(request.headers[Self.header]) ?? UUID().uuidString.lowercased()
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        // Hummingbird's own id would be a second, different id on every line; ours replaces it.
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "module"] = "http"
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[Self.header] = id
            log(request, status: Int(response.status.code), since: start, logger: context.logger)
            return response
        } catch {
            // Only reached if something below the error middleware's reach throws.
            log(request, status: nil, since: start, logger: context.logger)
            throw error
        }
    }

    /// The client's id when it is 1–128 visible ASCII characters without spaces; otherwise the
    /// request still goes through, with an id of ours.
    static func acceptedID(_ value: String?) -> String? {
        guard let value, (1...128).contains(value.utf8.count),
              value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return value
    }

    private func log(_ request: Request, status: Int?, since start: ContinuousClock.Instant, logger: Logger) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request completed", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "status": status.map { .stringConvertible($0) } ?? "error",
            "execution_time": .stringConvertible((milliseconds * 1000).rounded() / 1000),
        ])
    }
}
