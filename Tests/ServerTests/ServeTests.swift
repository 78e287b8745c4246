import Foundation
import HuiceCore
import Logging
import Storage
import Testing
@testable import Server

/// The pieces of `huice serve` that need no task manager: opening stores and the sample import.
@Suite struct ServeTests {
    static func temporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("huice-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func defaultStoreIsCreatedAndFilledWithTheSampleOnce() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = ServeOptions(dataDirectory: directory)
        let logger = Logger(label: "test")

        let store = try await HuiceServer.openStore(options, logger: logger)
        let summary = try await store.summary()
        #expect(!summary.stocks.isEmpty)
        #expect(summary.factorValues > 0)
        #expect(FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("huice.sqlite")))
        #expect(try await SampleDataImport.importIfEmpty(into: store, logger: logger) == false)
        try await store.close()

        let reopened = try await HuiceServer.openStore(options, logger: logger)
        #expect(try await reopened.summary().stocks.count == summary.stocks.count)
        try await reopened.close()
    }

    @Test func databaseOptionOpensAnSQLiteStoreAsItIs() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("other.sqlite")
        let store = try await HuiceServer.openStore(ServeOptions(dataDirectory: directory, databaseURL: "sqlite:\(path)"),
                                                    logger: Logger(label: "test"))
        #expect(try await store.summary().stocks.isEmpty)  // no sample import into a named store
        try await store.close()
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func postgresURLIsRefusedClearlyUntilTheBackendLands() async throws {
        await #expect(throws: ServeError.self) {
            _ = try await StoreOpener.open(databaseURL: "postgres://huice@127.0.0.1:5432/huice")
        }
    }

    @Test func workersBecomeTheTaskManagersWorkerCount() throws {
        let options = ServeOptions(workerCount: 3)
        try options.validate()
        #expect(options.taskManagerConfiguration.workerCount == 3)
    }

    @Test func workersDefaultToOnePerActiveProcessor() {
        #expect(ServeOptions().workerCount == max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    @Test func fewerThanOneWorkerIsRefusedNamingTheFlag() {
        #expect(throws: ServeError.invalidOption("--workers must be at least 1, got 0")) {
            try ServeOptions(workerCount: 0).validate()
        }
    }

    @Test func ipv6HostsAreBracketedInTheURL() {
        #expect(HuiceServer.urlHost("::1") == "[::1]")
        #expect(HuiceServer.urlHost("127.0.0.1") == "127.0.0.1")
    }
}
