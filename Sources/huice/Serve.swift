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

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical (got '\(logLevel)')")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535 (got \(port))") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { _ in JSONLogHandler(level: level) }
        let options = ServeOptions(host: host, port: port, dataDirectory: dataDir, databaseURL: database)
        do {
            try await HuiceServer.run(options, logger: Logger(label: "huice"))
        } catch {
            throw fail(error)
        }
    }
}
