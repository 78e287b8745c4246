import ArgumentParser
import Logging
import Server

/// `huice serve`: the HTTP API (docs/API.md). A thin shell: parses the flags, installs the JSON
/// log handler, and hands over to `HuiceServer.run`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API (factor configs, backtest batches, live events, metrics).",
        discussion: """
            Without --database the store is <data-dir>/huice.sqlite, created on first start and filled with the \
            bundled sample data while it holds no bars. Logs are JSON lines on stderr. Stop with Ctrl-C (SIGINT) \
            or SIGTERM: requests in flight finish, running tasks go back to the queue. See docs/API.md.
            """)

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"
    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080
    @Option(name: .customLong("data-dir"), help: "The directory of the default store huice.sqlite.")
    var dataDir = "./huice-data"
    @Option(name: .long, help: "Another store: an SQLite file path (postgres:// URLs with the PostgreSQL backend).")
    var database: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"
    @Option(name: .long, help: "Backtests run at the same time, at least 1 (one per active processor unless given).")
    var workers = ServeOptions.defaultWorkerCount

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical (got '\(logLevel)')")
        }
        // The ranges live with the options, so the command and HuiceServer.run refuse the same values.
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    var options: ServeOptions {
        ServeOptions(host: host, port: port, dataDirectory: dataDir, databaseURL: database, workerCount: workers)
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { _ in JSONLogHandler(level: level) }
        do {
            try await HuiceServer.run(options, logger: Logger(label: "huice"))
        } catch {
            throw fail(error)
        }
    }
}
