import Foundation
import Testing

/// `huice serve`'s flag checks, seen as a user sees them: the exit status and the message.
@Suite struct ServeCommandTests {
    @Test("--workers 0 is refused before anything starts, naming the flag")
    func zeroWorkersAreRefused() async throws {
        let directory = try temporaryDirectory("huice-serve-flags")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(arguments: ["serve", "--port", "0", "--data-dir", directory, "--workers", "0"],
                                       logDirectory: directory, name: "workers0")
        defer { server.killIfRunning() }
        try await server.waitForExit(timeout: .seconds(20))
        #expect(server.process.terminationStatus != 0)
        #expect(server.standardError.contains("--workers must be at least 1, got 0"), "\(server.standardError)")
        #expect(!server.standardOutput.contains("listening"))
        // Refused before the store is opened: nothing was created.
        #expect(!FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("huice.sqlite")))
    }
}
