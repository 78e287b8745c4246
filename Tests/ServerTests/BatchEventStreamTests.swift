import HuiceCore
import HummingbirdTesting
import Testing
@testable import Server

/// `GET /api/v1/backtest/events`: the SSE framing over a fake event source.
@Suite struct BatchEventStreamTests {
    @Test func streamSendsStatusThenEventsAndEndsAfterCompletion() async throws {
        var api = FakeBacktestAPI()
        api.batchStatus = .object(["batch_id": "batch_20240107_001", "status": "running", "progress": 65])
        api.liveEvents = [
            FakeEvent(event: "task_progress", taskID: "bt_20240107_001", progress: 50),
            FakeEvent(event: "batch_completed"),
            FakeEvent(event: "task_progress", taskID: "bt_20240107_001", progress: 99),  // after the end: never sent
        ]
        try await withTestApp(backtests: api) { _, client in
            let response = try await client.execute(uri: "/api/v1/backtest/events?batch_id=batch_20240107_001", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-cache")
            #expect(response.text == """
                retry: 3000

                event: batch_status
                data: {"batch_id":"batch_20240107_001","progress":65,"status":"running"}

                event: task_progress
                data: {"event":"task_progress","progress":50,"task_id":"bt_20240107_001"}

                event: batch_completed
                data: {"event":"batch_completed"}


                """)
        }
    }

    @Test func idleStreamSendsHeartbeats() async throws {
        var api = FakeBacktestAPI()
        api.liveEvents = [FakeEvent(event: "batch_completed")]
        // The fake's delay starts at subscription, before the status is read and sent; a wide margin
        // (100 heartbeats) keeps the first ping ahead of the event on a loaded machine.
        api.eventDelay = .seconds(2)
        try await withTestApp(backtests: api, heartbeat: .milliseconds(20)) { _, client in
            let text = try await client.execute(uri: "/api/v1/backtest/events?batch_id=batch_20240107_001", method: .get).text
            let completion = try #require(text.range(of: "event: batch_completed"))
            let firstPing = try #require(text.range(of: ": ping\n\n"))
            #expect(firstPing.lowerBound < completion.lowerBound)
            #expect(text.hasSuffix("event: batch_completed\ndata: {\"event\":\"batch_completed\"}\n\n"))
        }
    }

    @Test func finishedBatchEndsAfterTheStatus() async throws {
        var api = FakeBacktestAPI()
        api.batchStatus = .object(["batch_id": "batch_20240107_001", "status": "completed"])
        try await withTestApp(backtests: api) { _, client in
            let text = try await client.execute(uri: "/api/v1/backtest/events?batch_id=batch_20240107_001", method: .get).text
            #expect(text == "retry: 3000\n\nevent: batch_status\ndata: {\"batch_id\":\"batch_20240107_001\",\"status\":\"completed\"}\n\n")
        }
    }

    @Test func unknownBatchIs404BeforeStreaming() async throws {
        try await withTestApp { _, client in
            let response = try await client.execute(uri: "/api/v1/backtest/events?batch_id=batch_missing", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(try response.json == .object(["code": 404, "message": "批次不存在", "data": .null]))
        }
    }

    @Test func missingBatchIDIs400() async throws {
        try await withTestApp { _, client in
            let json = try await client.execute(uri: "/api/v1/backtest/events", method: .get).json
            #expect(json[path: "details"] == .object(["field": "batch_id", "reason": "required field missing"]))
        }
    }

    @Test func unknownQueryParameterIsRefused() async throws {
        try await withTestApp { _, client in
            let json = try await client.execute(uri: "/api/v1/backtest/events?batch_id=b&since=3", method: .get).json
            #expect(json[path: "details.field"] == "since")
            #expect(json[path: "details.reason"] == "unknown field")
        }
    }

    @Test func multiLineDataBecomesSeveralDataLines() {
        let frame = ServerSentEvent(event: "note", data: "first\nsecond")
        #expect(frame.text == "event: note\ndata: first\ndata: second\n\n")
    }

    @Test func retryHintIsInMilliseconds() {
        #expect(ServerSentEvent.retry(after: .milliseconds(2500)) == "retry: 2500\n\n")
    }
}
