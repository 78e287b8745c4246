import HTTPTypes
import HuiceCore
import HummingbirdTesting
import Testing

/// /healthz, /metrics and the request id.
@Suite struct SystemRouteTests {
    @Test func healthReportsTheStore() async throws {
        try await withTestApp { store, client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            let version = try await store.schemaVersions().last ?? 0
            #expect(try response.json == .object([
                "code": 200, "message": "ok",
                "data": .object(["status": "ok", "store": .object(["status": "ok", "dialect": "sqlite",
                                                                     "schema_version": .number(Double(version))])]),
            ]))
        }
    }

    @Test func healthWithAClosedStoreIs503() async throws {
        try await withTestApp { store, client in
            try await store.close()
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(try response.json[path: "code"] == 503)
        }
    }

    @Test func metricsExposeTheRequestLatencyHistogram() async throws {
        try await withTestApp { _, client in
            _ = try await client.post("/api/v1/factor-config/list", json: "{}")
            _ = try await client.post("/api/v1/factor-config/get", json: "{}")
            _ = try await client.post("/no/such/route", json: "{}")
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = response.text
            #expect(text.contains("# TYPE huice_http_request_duration_seconds histogram"))
            #expect(text.contains(#"huice_http_request_duration_seconds_count{route="/api/v1/factor-config/list",method="POST",status="200"}"#))
            #expect(text.contains(#"huice_http_request_duration_seconds_count{route="/api/v1/factor-config/get",method="POST",status="400"}"#))
            #expect(text.contains(#"huice_http_request_duration_seconds_count{route="unmatched",method="POST",status="404"}"#))
            #expect(text.contains(#"huice_http_request_duration_seconds_bucket{route="/api/v1/factor-config/list",method="POST",status="200",le="0.005"}"#))
        }
    }

    @Test func clientRequestIDIsEchoed() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/list", json: "{}", headers: [RequestIDHeader.name: "abc-123"])
            #expect(response.headers[RequestIDHeader.name] == "abc-123")
        }
    }

    @Test func missingRequestIDIsGenerated() async throws {
        try await withTestApp { _, client in
            let first = try await client.post("/api/v1/factor-config/list", json: "{}")
            let second = try await client.post("/api/v1/factor-config/list", json: "{}")
            let id = try #require(first.headers[RequestIDHeader.name])
            #expect(id.count == 36)
            #expect(second.headers[RequestIDHeader.name] != id)
        }
    }

    @Test func errorResponsesCarryTheRequestIDToo() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/nowhere", json: "{}", headers: [RequestIDHeader.name: "r-404"])
            #expect(response.headers[RequestIDHeader.name] == "r-404")
        }
    }
}
