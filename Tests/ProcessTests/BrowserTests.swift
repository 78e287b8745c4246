import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HuiceCore
import Testing

/// The pages in a real browser: `huice serve` (the built binary) on a new data directory with
/// the bundled sample, a factor config and two finished batches made through the API, then
/// Debian's chromium, headless, loads each main page. A page fails the test when it does not
/// answer 200 HTML, when chromium fails, or when anything reaches the browser's console (a
/// script error, a failed load, a blocked request: every other host resolves to nothing, so an
/// external request would show up here too). Screenshots land in `test-output/screenshots/`.
///
/// Without chromium the test is skipped, unless `HUICE_REQUIRE_BROWSER=1` (set by `.ci/run`,
/// which installs it) makes that a failure.
@Suite(.serialized)
struct BrowserTests {
    static let chromium: String? = {
        let candidates = [ProcessInfo.processInfo.environment["HUICE_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var browserRequired: Bool { ProcessInfo.processInfo.environment["HUICE_REQUIRE_BROWSER"] == "1" }

    @Test func chromiumIsPresentWhenRequired() {
        if Self.browserRequired {
            #expect(Self.chromium != nil, "HUICE_REQUIRE_BROWSER=1 but no chromium (apt install chromium)")
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed"), .timeLimit(.minutes(5)))
    func mainPagesRenderInChromiumWithoutConsoleMessages() async throws {
        let chromium = try #require(Self.chromium)
        let directory = try temporaryDirectory("huice-browser")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(arguments: ["serve", "--port", "0", "--data-dir", directory, "--workers", "2"],
                                       logDirectory: directory, name: "server")
        defer { server.killIfRunning() }
        let base = try await server.waitUntilListening(timeout: .seconds(120))
        let client = APIClient(baseURL: base)
        try await client.waitUntilHealthy(timeout: .seconds(10))

        // What a user would have made: a factor config and two batches, run to the end.
        let config = try await client.call("api/v1/factor-config/create", """
            {"stock_code": "600036.SH", "description": "浏览器测试组合",
             "technical_factors": ["rsi", "macd"], "fundamental_factors": ["pe_ratio", "roe"],
             "factor_weights": {"rsi": 0.3, "macd": 0.2, "pe_ratio": 0.2, "roe": 0.3}}
            """)
        let configID = try #require(config[path: "config_id"]?.stringValue)
        let crossover = try await client.call("api/v1/backtest/createBatch", """
            {"name": "均线交叉 5/20", "stock_pool": ["600036.SH", "000002.SZ", "002594.SZ"],
             "start_date": "2013-01-04", "end_date": "2016-12-30", "initial_capital": 1000000,
             "strategy": {"type": "sma_crossover", "fast": 5, "slow": 20}}
            """)
        let factor = try await client.call("api/v1/backtest/createBatch", """
            {"name": "因子组合", "stock_pool": ["600036.SH"], "start_date": "2013-01-04", "end_date": "2016-12-30",
             "factor_config_id": "\(configID)"}
            """)
        let batchID = try #require(crossover[path: "batch_id"]?.stringValue)
        let taskItems = crossover[path: "task_ids"]?.arrayValue ?? []
        let taskIDs = taskItems.compactMap { $0.stringValue }
        try #require(taskIDs.count == 3)
        let factorBatchID = try #require(factor[path: "batch_id"]?.stringValue)
        for id in [batchID, factorBatchID] {
            try await Self.waitUntilEnded(client, batchID: id, timeout: .seconds(120))
        }

        let pages: [(name: String, path: String, height: Int)] = [
            ("01-stock-list", "/data", 900),
            ("02-stock-kline", "/data/stock/600036.SH?ind=ma,boll,macd&from=2016-01-01&to=2016-12-30", 1300),
            ("03-import", "/data/import", 900),
            ("04-configs", "/configs", 700),
            ("05-config-new", "/configs/new", 1400),
            ("06-config-edit", "/configs/\(configID)/edit", 1400),
            ("07-backtests", "/backtests", 900),
            ("08-batch-new", "/backtests/new", 1500),
            ("09-batch", "/backtests/batch/\(batchID)", 1000),
            ("10-report", "/backtests/task/\(taskIDs[0])", 3200),
            ("11-compare", "/backtests/compare?task=\(taskIDs[0])&task=\(taskIDs[1])&task=\(taskIDs[2])", 1400),
            ("12-report-en-us-colors", "/backtests/task/\(taskIDs[1])?lang=en&colors=us", 3200),
            ("13-tablet-stock", "/data/stock/000002.SZ?ind=ma,rsi,kdj", 1300),
            ("14-not-found", "/no-such-page", 500),
        ]
        let output = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("test-output/screenshots")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        for page in pages {
            let url = URL(string: base.absoluteString + page.path)!
            let (status, type) = try await Self.head(url)
            let expected = page.name.hasSuffix("not-found") ? 404 : 200
            #expect(status == expected, "\(page.path) answered \(status)")
            #expect(type == "text/html; charset=utf-8", "\(page.path) answered \(type)")
            let width = page.name.contains("tablet") ? 820 : 1280
            let shot = output.appendingPathComponent(page.name + ".png")
            try? FileManager.default.removeItem(at: shot)
            let run = try Self.runChromium(chromium, url: url, screenshot: shot.path, width: width, height: page.height)
            #expect(run.status == 0, "chromium failed on \(page.path): \(run.log.suffix(800))")
            #expect(run.console.isEmpty, "console output on \(page.path): \(run.console)")
            let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(page.name).png is \(size) bytes")
        }
        try await server.stop(with: SIGTERM)
    }

    static func waitUntilEnded(_ client: APIClient, batchID: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let status = try await client.call("api/v1/backtest/getBatchStatus", #"{"batch_id": "\#(batchID)"}"#)
            if status[path: "status"]?.stringValue == "completed" { return }
            if let state = status[path: "status"]?.stringValue, ["failed", "cancelled"].contains(state) {
                throw ProcessTestError("batch \(batchID) ended \(state): \(status)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ProcessTestError("batch \(batchID) did not end within \(timeout)")
    }

    /// The status and content type of a GET.
    static func head(_ url: URL) async throws -> (Int, String) {
        var request = URLRequest(url: url)
        request.timeoutInterval = 30
        let (_, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type") ?? "")
    }

    /// One headless chromium run: its exit status, its log, and the console lines in it.
    static func runChromium(_ chromium: String, url: URL, screenshot: String, width: Int, height: Int) throws
        -> (status: Int32, log: String, console: [String])
    {
        let profile = try temporaryDirectory("huice-chromium")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let logPath = (profile as NSString).appendingPathComponent("chromium.log")
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else { throw ProcessTestError("cannot create \(logPath)") }
        let log = FileHandle(forWritingAtPath: logPath)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0",
            // Any host but the test server resolves to nothing.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--virtual-time-budget=5000", "--run-all-compositor-stages-before-draw", "--window-size=\(width),\(height)", "--screenshot=\(screenshot)",
            url.absoluteString,
        ]
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? log?.close()
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        let console = text.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (process.terminationStatus, text, console)
    }
}
