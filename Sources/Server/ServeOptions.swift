import Foundation
import Service

/// `huice serve`'s options (the flags are a contract: --host, --port, --data-dir, --database,
/// --workers).
public struct ServeOptions: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Holds the default store `huice.sqlite` (created when missing).
    public var dataDirectory: String
    /// Another store instead of the default one: an SQLite path, or (with the PostgreSQL
    /// backend) a postgres:// URL. Such a store is used as it is: no sample import.
    public var databaseURL: String?
    /// Task-manager workers: backtests run at the same time (each on its own thread).
    public var workerCount: Int

    /// The default worker count: one per active processor, since a backtest keeps one core busy.
    public static var defaultWorkerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "./huice-data",
                databaseURL: String? = nil, workerCount: Int = ServeOptions.defaultWorkerCount) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.workerCount = workerCount
    }

    /// The task manager's settings: the defaults with this worker count.
    public var taskManagerConfiguration: TaskManagerConfiguration {
        var configuration = TaskManagerConfiguration()
        configuration.workerCount = workerCount
        return configuration
    }

    /// Refuses options the server cannot run with, naming the flag.
    public func validate() throws(ServeError) {
        guard (0...65_535).contains(port) else {
            throw .invalidOption("--port must be between 0 and 65535, got \(port)")
        }
        guard workerCount >= 1 else {
            throw .invalidOption("--workers must be at least 1, got \(workerCount)")
        }
    }
}
