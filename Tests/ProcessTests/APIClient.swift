import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HuiceCore

/// JSON calls to a running server: POST bodies to the RPC routes, GET for health.
struct APIClient: Sendable {
    let baseURL: URL

    /// POSTs `body` (JSON text) to `path` and returns the envelope's data; throws unless its code is 200.
    func call(_ path: String, _ body: String) async throws -> JSONValue {
        let envelope = try await post(path, body)
        guard envelope[path: "code"] == 200, let data = envelope[path: "data"] else {
            throw ProcessTestError("\(path) answered \(envelope)")
        }
        return data
    }

    func post(_ path: String, _ body: String) async throws -> JSONValue {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        request.timeoutInterval = 15
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Whether `GET /healthz` answers 200.
    func isHealthy() async -> Bool {
        var request = URLRequest(url: baseURL.appendingPathComponent("healthz"))
        request.timeoutInterval = 5
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// Polls `/healthz` until it answers 200.
    func waitUntilHealthy(timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while !(await isHealthy()) {
            guard ContinuousClock.now < deadline else { throw ProcessTestError("/healthz not ok within \(timeout)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

extension JSONValue {
    /// The member at a dotted path (`data.batch_id`), nil when absent.
    subscript(path path: String) -> JSONValue? {
        var value: JSONValue? = self
        for key in path.split(separator: ".") {
            value = value?.objectValue?[String(key)]
        }
        return value
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var intValue: Int? { numberValue.map { Int($0) } }
}
