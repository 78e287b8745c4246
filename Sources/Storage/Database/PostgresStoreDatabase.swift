import Foundation
import Logging
import NIOSSL
import PostgresKit
import Synchronization

/// A PostgreSQL database as a `StoreDatabase`: a pool of connections (PostgresNIO's
/// `PostgresClient`) to the database a URL names (see `PostgresURL` for the URL forms).
///
/// - `withConnection` and `transaction` lease one connection for the body; a transaction's
///   BEGIN, statements and COMMIT or ROLLBACK all run on it, at READ COMMITTED (each statement
///   sees what committed before it started, so a writer that waited for a lock sees the previous
///   writer's rows). Writers that must not interleave say so with `transaction(locking:)`.
/// - `read` runs in a `REPEATABLE READ READ ONLY` transaction on any pooled connection: every
///   statement of the body sees one snapshot, so a load never sees half of a concurrent save.
/// - Errors from the server or the network become `StorageError`s naming `location` (the URL
///   without its password) and the server's message and SQLSTATE.
///
/// The pool runs in a background task started by `open` and stopped by `close()`; call
/// `close()` when done (dropping the object also stops it).
public final class PostgresStoreDatabase: StoreDatabase {
    public let dialectName = "postgresql"
    /// The URL without its password: `postgres://huice@127.0.0.1:5432/huice`.
    public let location: String
    private let client: PostgresClient
    private let state: Mutex<State>

    private struct State {
        var isClosed = false
        var runner: Task<Void, Never>?
    }

    /// Connections a pool opens at most unless told otherwise.
    public static let defaultMaximumConnections = 8

    private init(location: String, client: PostgresClient, runner: Task<Void, Never>) {
        self.location = location
        self.client = client
        state = Mutex(State(runner: runner))
    }

    /// Connects to the database `url` names and checks it answers: throws a `StorageError`
    /// naming the URL (without password) when the URL is malformed, the server cannot be
    /// reached, the login fails, the database or the `schema` does not exist. Does not migrate.
    public static func open(url text: String, maximumConnections: Int = defaultMaximumConnections) async throws
        -> PostgresStoreDatabase
    {
        let url = try PostgresURL(parsing: text)
        let location = url.redacted
        let clientTLS: PostgresClient.Configuration.TLS
        let probeTLS: PostgresConnection.Configuration.TLS
        do {
            switch url.tls {
            case .disable:
                (clientTLS, probeTLS) = (.disable, .disable)
            case .prefer:
                let tls = TLSConfiguration.makeClientConfiguration()
                (clientTLS, probeTLS) = (.prefer(tls), .prefer(try NIOSSLContext(configuration: tls)))
            case .require:
                let tls = TLSConfiguration.makeClientConfiguration()
                (clientTLS, probeTLS) = (.require(tls), .require(try NIOSSLContext(configuration: tls)))
            }
        } catch {
            throw StorageError(file: location, reason: "cannot set up TLS: \(error)")
        }
        var parameters = [("application_name", "huice")]
        if let schema = url.schema { parameters.append(("search_path", schema)) }

        // A pool whose server is down keeps retrying (and callers waiting) for a minute before it
        // gives up; one direct connection first fails at once with the real reason.
        var probe = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                     password: url.password, database: url.database, tls: probeTLS)
        probe.options.additionalStartupParameters = parameters
        try await check(probe, url: url, location: location)

        var configuration = PostgresClient.Configuration(host: url.host, port: url.port, username: url.user,
                                                         password: url.password, database: url.database, tls: clientTLS)
        configuration.options.maximumConnections = max(1, maximumConnections)
        configuration.options.additionalStartupParameters = parameters
        let client = PostgresClient(configuration: configuration)
        let runner = Task { await client.run() }
        return PostgresStoreDatabase(location: location, client: client, runner: runner)
    }

    /// Connects once with `configuration` and asks for the current schema.
    private static func check(_ configuration: PostgresConnection.Configuration, url: PostgresURL, location: String) async throws {
        let logger = Logger(label: "huice.storage.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        } catch {
            throw StorageError(file: location, reason: "cannot connect: \(StorageError.message(of: error))")
        }
        do {
            let row = try await connection.sql(queryLogLevel: nil).raw("SELECT current_schema() AS name").first()
            let schema = try row?.decode(column: "name", as: String?.self)
            try? await connection.close()
            if schema == nil {
                let reason = url.schema.map { "schema '\($0)' does not exist in database '\(url.database)' (CREATE SCHEMA \($0))" }
                    ?? "no schema of the search_path exists in database '\(url.database)'"
                throw StorageError(file: location, reason: reason)
            }
        } catch let error as StorageError {
            throw error
        } catch {
            try? await connection.close()
            throw StorageError(file: location, reason: StorageError.message(of: error))
        }
    }

    public func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard !state.withLock({ $0.isClosed }) else { throw StorageError.closed }
        do {
            return try await client.withConnection { connection in
                do {
                    return try await body(connection.sql(queryLogLevel: nil))
                } catch {
                    throw BodyError(underlying: error)
                }
            }
        } catch let error as BodyError {
            // The body's own errors (a config not found, a bad row) pass through; the server's
            // and the network's get the location.
            if error.underlying is PSQLError || error.underlying is PostgresDecodingError {
                throw StorageError(file: location, reason: StorageError.message(of: error.underlying))
            }
            throw error.underlying
        } catch {
            if state.withLock({ $0.isClosed }) { throw StorageError.closed }
            throw StorageError(file: location, reason: "no connection: \(StorageError.message(of: error))")
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { db in
            try await db.transaction(beginning: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try await body(db) }
        }
    }

    /// Stops the pool (closing its connections) and waits for it. Later calls throw
    /// `StorageError.closed`; closing twice is harmless.
    public func close() async throws {
        let runner = state.withLock { state -> Task<Void, Never>? in
            state.isClosed = true
            defer { state.runner = nil }
            return state.runner
        }
        guard let runner else { return }
        runner.cancel()
        await runner.value
    }

    deinit {
        state.withLock { $0.runner?.cancel() }
    }
}

/// Marks an error thrown by a body run on a leased connection, to tell it from the pool's own.
private struct BodyError: Error {
    let underlying: any Error
}
