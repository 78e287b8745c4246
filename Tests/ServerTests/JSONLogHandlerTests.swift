import Foundation
import Logging
import Testing
@testable import Server

/// The JSON-lines log handler writes the seed's fields, one object per line.
@Suite struct JSONLogHandlerTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ line: String) { lock.withLock { stored.append(line) } }
        var all: [String] { lock.withLock { stored } }
    }

    static let fixedTime = Date(timeIntervalSince1970: 1_705_314_600)  // 2024-01-15T10:30:00Z

    func logger(_ lines: Lines, level: Logger.Level = .info) -> Logger {
        Logger(label: "test") { _ in
            JSONLogHandler(level: level, output: { lines.append($0) }, now: { Self.fixedTime })
        }
    }

    @Test func lineHasTheSeedFieldsInOrder() {
        let lines = Lines()
        logger(lines).info("回测任务完成", metadata: [
            "module": "backtest_engine", "task_id": "bt_20240115_001", "stock_code": "000001",
            "execution_time": .stringConvertible(1500),
        ])
        #expect(lines.all == [
            #"{"timestamp":"2024-01-15T10:30:00.000Z","level":"INFO","service":"huice","module":"backtest_engine","#
                + #""message":"回测任务完成","task_id":"bt_20240115_001","stock_code":"000001","execution_time":1500}"# + "\n",
        ])
    }

    @Test func otherMetadataFollowsSortedAndTyped() throws {
        let lines = Lines()
        var log = logger(lines)
        log[metadataKey: "request_id"] = "r1"
        log.warning("slow \"query\"", metadata: ["attempt": .stringConvertible(2), "flags": ["a", "b"], "execution_time": "12.5"])
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "WARN")
        #expect(object["message"] as? String == "slow \"query\"")
        #expect(object["execution_time"] as? Double == 12.5)
        #expect(object["attempt"] as? Int == 2)
        #expect(object["flags"] as? [String] == ["a", "b"])
        #expect(object["request_id"] as? String == "r1")
        // The module falls back to the Swift module that logged.
        #expect(object["module"] as? String == "ServerTests")
        let attempt = try #require(line.range(of: "\"attempt\"")), request = try #require(line.range(of: "\"request_id\""))
        #expect(attempt.lowerBound < request.lowerBound)
    }

    @Test func levelsMapToTheSeedsFour() {
        #expect(JSONLogHandler.seedLevel(.trace) == "DEBUG")
        #expect(JSONLogHandler.seedLevel(.debug) == "DEBUG")
        #expect(JSONLogHandler.seedLevel(.notice) == "INFO")
        #expect(JSONLogHandler.seedLevel(.warning) == "WARN")
        #expect(JSONLogHandler.seedLevel(.critical) == "ERROR")
    }

    @Test func linesBelowTheLevelAreDropped() {
        let lines = Lines()
        logger(lines, level: .warning).info("not written")
        #expect(lines.all.isEmpty)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONLogHandler.quoted("a\nb\t\u{01}") == #""a\nb\t\u0001""#)
    }
}
