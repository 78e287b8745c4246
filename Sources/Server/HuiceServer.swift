import Foundation
import Hummingbird
import Logging
import NIOCore
import Service
import ServiceLifecycle
import Storage

/// `huice serve`: opens the store (filling a new default store with the sample data), starts the
/// task manager and the HTTP server, and runs until SIGINT/SIGTERM, then shuts down gracefully —
/// the server stops taking requests and finishes the ones in flight (event streams end), the task
/// manager stops its workers, the store closes.
public enum HuiceServer {
    public static func run(_ options: ServeOptions, logger: Logger) async throws {
        try options.validate()
        // The process's swift-metrics backend: the registry /metrics renders, so the task
        // manager's metrics appear there next to the HTTP ones.
        let metrics = ServerMetrics()
        metrics.bootstrapMetricsSystem()
        let store = try await openStore(options, logger: logger)
        do {
            // The manager names its own module (task_manager) on its lines.
            let manager = TaskManager(database: store.database, data: StoreTaskDataSource(store: store),
                                      configuration: options.taskManagerConfiguration, logger: logger)
            var api = HuiceAPI(store: store, backtests: manager)
            api.metrics = metrics
            let router = api.makeRouter()
            let app = Application(
                router: router,
                configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
                // The task manager is listed first: a graceful shutdown stops services in reverse
                // order, so the HTTP server stops before the workers do.
                services: [TaskManagerService(manager: manager)],
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? options.port
                    let line = "huice serve: listening on http://\(Self.urlHost(options.host)):\(port)\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                },
                logger: logger.with(module: "http"))
            try await app.runService()
            try await store.close()
            logger.info("stopped", metadata: ["module": "serve"])
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The default store or `--database`'s (SQLite or PostgreSQL), with the bundled sample
    /// imported when it holds no bars: a new store, on either engine, starts out usable.
    static func openStore(_ options: ServeOptions, logger: Logger) async throws -> MarketDataStore {
        let store = if let url = options.databaseURL {
            try await StoreOpener.open(databaseURL: url)
        } else {
            try await MarketDataStore.open(path: StoreOpener.defaultStorePath(dataDirectory: options.dataDirectory))
        }
        do {
            try await SampleDataImport.importIfEmpty(into: store, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// IPv6 literals need brackets in a URL.
    static func urlHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }
}

extension Logger {
    /// A copy whose lines carry `module`.
    func with(module: String) -> Logger {
        var logger = self
        logger[metadataKey: "module"] = .string(module)
        return logger
    }
}
