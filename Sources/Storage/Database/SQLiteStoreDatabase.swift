import Foundation
import SQLiteKit
import Synchronization

/// A SQLite store file (or `:memory:`) as a `StoreDatabase`: one writer connection used by one
/// caller at a time (FIFO), plus, for a file, a few reader connections for `read` — in WAL mode a
/// reader sees the last committed state and never waits for the writer, so status queries stay
/// fast while a worker commits results, and several of them run at once (one per core: a server
/// answering 200 status queries a second would queue them behind one connection); each `read` is
/// one read transaction (one snapshot).
public final class SQLiteStoreDatabase: StoreDatabase {
    public let path: String
    public var location: String { path }
    public let dialectName = "sqlite"
    let connection: SQLiteConnection
    private let gate = SerialGate()
    private let readers: [(connection: SQLiteConnection, gate: SerialGate)]
    /// Round-robin over `readers`.
    private let nextReader = Atomic<UInt>(0)

    /// Reader connections of a file store: one per core, 2…4.
    static var readerCount: Int { min(4, max(2, ProcessInfo.processInfo.activeProcessorCount)) }

    private init(path: String, connection: SQLiteConnection, readers: [SQLiteConnection]) {
        self.path = path
        self.connection = connection
        self.readers = readers.map { ($0, SerialGate()) }
    }

    /// Opens (creating the file and its directory when missing) with the store's pragmas:
    /// `busy_timeout` 30 s (another process may hold the write lock: an import, a migration), WAL and `synchronous=NORMAL`
    /// for files (a crash loses at most the last transactions, never consistency), a 64 MiB page
    /// cache, `secure_delete=OFF`. Does not migrate.
    public static func open(path: String) async throws -> SQLiteStoreDatabase {
        let inMemory = path == ":memory:"
        var opened: [SQLiteConnection] = []
        do {
            if !inMemory {
                let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            let storage: SQLiteConnection.Storage = inMemory ? .memory : .file(path: path)
            let writer = try await SQLiteConnection.open(storage: storage)
            opened.append(writer)
            try await configure(writer, file: !inMemory)
            var readers: [SQLiteConnection] = []
            for _ in 0..<(inMemory ? 0 : readerCount) {
                let connection = try await SQLiteConnection.open(storage: storage)
                opened.append(connection)
                try await configure(connection, file: true)
                readers.append(connection)
            }
            return SQLiteStoreDatabase(path: path, connection: writer, readers: readers)
        } catch {
            for connection in opened { try? await connection.close() }
            throw StorageError(file: path, reason: "cannot open the store: \(error)")
        }
    }

    private static func configure(_ connection: SQLiteConnection, file: Bool) async throws {
        _ = try await connection.query("PRAGMA busy_timeout=30000")
        if file {
            _ = try await connection.query("PRAGMA journal_mode=WAL")
            _ = try await connection.query("PRAGMA synchronous=NORMAL")
        }
        _ = try await connection.query("PRAGMA cache_size=-65536")
        _ = try await connection.query("PRAGMA secure_delete=OFF")
    }

    public func withConnection<T: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await exclusive { try await body(self.connection.sql(queryLogLevel: nil)) }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard !readers.isEmpty else { return try await withConnection(body) }
        let index = Int(nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(readers.count))
        let reader = readers[index]
        return try await reader.gate.withExclusiveAccess {
            guard !reader.connection.isClosed else { throw StorageError.closed }
            let db = reader.connection.sql(queryLogLevel: nil)
            // A deferred read transaction: every statement of the body reads one WAL snapshot.
            return try await db.transaction(beginning: "BEGIN") { try await body(db) }
        }
    }

    /// Runs `body` alone on the writer connection, failing when the store is closed.
    func exclusive<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await gate.withExclusiveAccess {
            guard !self.connection.isClosed else { throw StorageError.closed }
            return try await body()
        }
    }

    public func close() async throws {
        for reader in readers {
            try await reader.gate.withExclusiveAccess { if !reader.connection.isClosed { try await reader.connection.close() } }
        }
        try await gate.withExclusiveAccess {
            if !self.connection.isClosed { try await self.connection.close() }
        }
    }

    deinit {
        // Dropped without close(): close the handles in the background (the futures keep the
        // connections alive until then).
        if !connection.isClosed { _ = connection.close() }
        for reader in readers where !reader.connection.isClosed { _ = reader.connection.close() }
    }
}
