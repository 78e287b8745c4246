import Foundation
import HuiceCore
import Logging
import Storage
import Testing
import TestSupport
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

    @Test("--database opens an SQLite path or a postgres:// URL, migrated, with the sample imported once",
          arguments: TestStoreEngine.available)
    func databaseOptionOpensEitherEngine(engine: TestStoreEngine) async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let url = switch place.location {
            case .sqlite(let path): "sqlite:\(path)"
            case .postgres(let url): url
            }
            let options = ServeOptions(dataDirectory: directory, databaseURL: url)
            let store = try await HuiceServer.openStore(options, logger: Logger(label: "test"))
            let summary = try await store.summary()
            #expect(summary.stocks.count == 13)
            #expect(summary.factorValues > 0)
            #expect(summary.schemaVersion == MarketDataSchema.latestVersion)
            try await store.close()
            // not into the data directory: the named store is the store
            #expect(!FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("huice.sqlite")))

            let reopened = try await HuiceServer.openStore(options, logger: Logger(label: "test"))
            #expect(try await reopened.summary().stocks.map(\.barCount) == summary.stocks.map(\.barCount))
            try await reopened.close()
        }
    }

    @Test func aMalformedDatabaseURLIsRefusedNamingTheOption() async throws {
        let error = await #expect(throws: ServeError.self) {
            _ = try await StoreOpener.open(databaseURL: "postgres://huice@:notaport/huice")
        }
        #expect(error.map { "\($0)" }?.contains("--database") == true)
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
