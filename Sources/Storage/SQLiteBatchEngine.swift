import SQLiteKit

/// Bulk writes on SQLite: SQLiteNIO values bound on the raw connection, statements rendered
/// with anonymous `?` placeholders (see `InsertStatement`).
struct SQLiteBatchEngine: BatchEngine {
    let connection: SQLiteConnection
    let db: any SQLDatabase

    init(connection: SQLiteConnection) {
        self.connection = connection
        db = connection.sql(queryLogLevel: nil)
    }

    /// SQLite allows 32,766 bound parameters a statement.
    var maxParameters: Int { 32_766 }

    @inline(__always) func value(_ text: String) -> SQLiteData { .text(text) }
    @inline(__always) func value(_ integer: Int?) -> SQLiteData { integer.map { .integer($0) } ?? .null }
    @inline(__always) func value(_ double: Double?) -> SQLiteData { double.map { .float($0) } ?? .null }

    func run(_ sql: String, binds: [SQLiteData]) async throws {
        try await connection.query(sql, binds) { _ in }
    }
}
