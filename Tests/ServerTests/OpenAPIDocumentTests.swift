import Foundation
import Hummingbird
import HuiceCore
import Server
import Storage
import Testing

/// The OpenAPI document describes exactly the router's routes, with a schema for each request.
@Suite struct OpenAPIDocumentTests {
    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try OpenAPIDocument.data) as? [String: Any])
    }

    /// "POST /api/v1/factor-config/create", … from the router itself, less the HTML pages
    /// (docs/WEB.md), which are not part of the JSON API the document describes.
    static func routerRoutes() async throws -> Set<String> {
        let store = try await MarketDataStore.open(path: ":memory:")
        defer { Task { try? await store.close() } }
        let api = HuiceAPI(store: store, backtests: FakeBacktestAPI())
        let pages = Set((api.site?.routes ?? []).map { "\($0.method.rawValue) \(RouterPath($0.path).description)" })
        return Set(api.makeRouter().routes.map { "\($0.method.rawValue) \($0.path.description)" }).subtracting(pages)
    }

    static func documentRoutes(_ document: [String: Any]) throws -> Set<String> {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    @Test func documentIsOpenAPI31() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["info"] as? [String: Any])?["title"] as? String == "Huice API")
    }

    @Test func documentPathsEqualTheRoutersRoutes() async throws {
        let routes = try await Self.routerRoutes()
        let documented = try Self.documentRoutes(try Self.document())
        #expect(routes.subtracting(documented).isEmpty, "routes missing from openapi.json: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "openapi.json paths without a route: \(documented.subtracting(routes).sorted())")
        #expect(routes.count == 18)
    }

    @Test func everyRequestHasASchema() throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        for (path, operations) in paths {
            for (method, operation) in operations {
                #expect(operation["responses"] is [String: Any], "\(method) \(path) has no responses")
                if method == "post" {
                    let body = operation["requestBody"] as? [String: Any]
                    let schema = ((body?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                    let reference = try #require(schema?["$ref"] as? String, "\(method) \(path) has no request schema")
                    let name = String(reference.split(separator: "/").last ?? "")
                    #expect(schemas[name] != nil, "\(method) \(path): \(reference) is not defined")
                } else {
                    let parameters = operation["parameters"] as? [[String: Any]] ?? []
                    for parameter in parameters where parameter["$ref"] == nil {
                        #expect(parameter["schema"] != nil, "\(method) \(path): parameter \(parameter["name"] ?? "?") has no schema")
                    }
                }
            }
        }
    }

    @Test func everyReferenceResolves() throws {
        let text = String(decoding: try OpenAPIDocument.data, as: UTF8.self)
        let document = try Self.document()
        let components = try #require(document["components"] as? [String: [String: Any]])
        let references = text.split(separator: "\"$ref\": \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!references.isEmpty)
        for reference in references {
            let parts = reference.split(separator: "/")  // #, components, <kind>, <name>
            #expect(parts.count == 4 && components[String(parts[2])]?[String(parts[3])] != nil, "unresolved \(reference)")
        }
    }

    @Test func documentIsServed() async throws {
        try await withTestApp { _, client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(Data(response.body.readableBytesView) == (try OpenAPIDocument.data))
        }
    }
}
