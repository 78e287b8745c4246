import HuiceCore
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

    @Test func anUnknownPagePathIsAnHTML404InTheReadersLanguage() async throws {
        try await withTestApp { _, client in
            let zh = try await client.execute(uri: "/nope", method: .get)
            #expect(zh.status == .notFound)
            #expect(zh.headers[.contentType] == "text/html; charset=utf-8")
            #expect(zh.text.contains("<h1>未找到</h1>") && zh.text.contains("没有页面 /nope。"))
            let en = try await client.execute(uri: "/data/stock/600036.SH/nope?lang=en", method: .get)
            #expect(en.status == .notFound)
            #expect(en.text.contains("There is no page /data/stock/600036.SH/nope."))
            let remembered = try await client.execute(uri: "/nope", method: .get, headers: [.cookie: "huice_lang=en"])
            #expect(remembered.text.contains(#"<html lang="en">"#))
            let head = try await client.execute(uri: "/nope", method: .head)
            #expect(head.status == .notFound && head.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test func unknownAPIPathsKeepTheJSONEnvelope() async throws {
        try await withTestApp { _, client in
            for path in ["/api/v1/nope", "/api", "/api/"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(path)")
                #expect(try response.json == .object(["code": 404, "message": "接口不存在", "data": .null]), "\(path)")
            }
            // Only a GET or HEAD is a browser's page request.
            let post = try await client.post("/nope", json: "{}")
            #expect(post.status == .notFound)
            #expect(try post.json == .object(["code": 404, "message": "接口不存在", "data": .null]))
        }
    }

    @Test func theImportPageStatesTheServersUploadLimit() async throws {
        try await withTestApp { _, client in
            let page = try await client.execute(uri: "/data/import?lang=en", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Uploads are limited to 64 MiB"), "the import route's own limit, not the API's 1 MiB")
        }
    }
}
