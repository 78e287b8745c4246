import Foundation
import HuiceCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `huice serve` child process of the test: started with its output in files (a pipe nobody
/// reads would fill up and stall the server), its port read from the start line, killed on demand.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let outputPath: String
    let errorPath: String
    /// `http://127.0.0.1:<port>`, once the server said it listens.
    private(set) var baseURL: URL?

    /// Starts `huice <arguments>` in the background.
    init(arguments: [String], logDirectory: String, name: String) throws {
        outputPath = (logDirectory as NSString).appendingPathComponent("\(name).stdout")
        errorPath = (logDirectory as NSString).appendingPathComponent("\(name).stderr")
        for path in [outputPath, errorPath] where !FileManager.default.createFile(atPath: path, contents: nil) {
            throw ProcessTestError("cannot create \(path)")
        }
        process.executableURL = try HuiceBinary.url()
        process.arguments = arguments
        let output = FileHandle(forWritingAtPath: outputPath)
        let error = FileHandle(forWritingAtPath: errorPath)
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        // The child has its own copies; the test's would only leak.
        defer {
            try? output?.close()
            try? error?.close()
        }
        try process.run()
    }

    var pid: pid_t { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// The JSON log lines on stderr, each as an object (other lines skipped).
    var logLines: [[String: JSONValue]] {
        standardError.split(separator: "\n").compactMap { line in
            (try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)))?.objectValue
        }
    }

    /// The last lines of stderr, for failure messages.
    var errorTail: String { standardError.split(separator: "\n").suffix(15).joined(separator: "\n") }

    /// Waits for the start line `huice serve: listening on http://…` and returns the URL. Throws
    /// when the process exits first or `timeout` passes.
    func waitUntilListening(timeout: Duration) async throws -> URL {
        let prefix = "huice serve: listening on "
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = standardOutput.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
               let url = URL(string: String(line.dropFirst(prefix.count))) {
                baseURL = url
                return url
            }
            guard isRunning else {
                throw ProcessTestError("huice serve exited (status \(process.terminationStatus)) before listening:\n\(errorTail)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ProcessTestError("huice serve did not print its listening line within \(timeout):\n\(errorTail)")
    }

    /// Sends `signal` and waits until the process is gone.
    func stop(with signal: Int32, timeout: Duration = .seconds(20)) async throws {
        if isRunning { kill(pid, signal) }
        try await waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        while isRunning {
            guard ContinuousClock.now < deadline else {
                kill(pid, SIGKILL)
                throw ProcessTestError("huice serve (pid \(pid)) did not exit within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// For `defer`: whatever happened in the test, no server outlives it.
    func killIfRunning() {
        if isRunning { kill(pid, SIGKILL) }
    }
}

/// The `huice` executable that `swift test` built next to the test bundle.
enum HuiceBinary {
    static func url() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["HUICE_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        // SwiftPM puts products and the test bundle in one directory (.build/<triple>/debug).
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("huice"))
        }
        // Tests/ProcessTests/ServerProcess.swift → the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/huice"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw ProcessTestError("""
            the huice executable was not found (looked at \(candidates.map(\.path).joined(separator: ", "))); \
            `swift test` builds it with the tests, or set HUICE_BINARY
            """)
    }
}

struct ProcessTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory(_ prefix: String) throws -> String {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
