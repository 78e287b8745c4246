import HTTPTypes
import HummingbirdTesting
import Testing

/// The HTML pages (module Web) are mounted on the API's router, behind its middlewares.
@Suite struct WebPageRouteTests {
    @Test func theAPIRouterServesThePages() async throws {
        try await withTestApp { _, client in
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .seeOther)
            #expect(root.headers[.location] == "/data")

            let data = try await client.execute(uri: "/data", method: .get)
            #expect(data.status == .ok)
            #expect(data.headers[.contentType] == "text/html; charset=utf-8")
            #expect(data.headers[HTTPField.Name("X-Request-ID")!] != nil)
            #expect(data.text.contains("<h1>股票列表</h1>"))

            let configs = try await client.execute(uri: "/configs?lang=en", method: .get)
            #expect(configs.text.contains("<h1>Factor configs</h1>"))
        }
    }

    @Test func aPagePathWithAnotherMethodIs405() async throws {
        try await withTestApp { _, client in
            let response = try await client.execute(uri: "/data", method: .delete)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
        }
    }
}
