import SQLiteKit

/// Accumulates rows of one INSERT statement and executes them ~1,000 rows a statement with bound
/// parameters. The caller appends a row's values to `binds` in column order, then calls `endRow()`.
final class BatchInserter {
    let statement: InsertStatement
    private let connection: SQLiteConnection
    private let cache: StatementCache
    private let hooks: SaveHooks
    private let rowsPerStatement: Int
    var binds: [SQLiteData] = []
    private var rows = 0
    private(set) var statementsRun = 0

    init(_ statement: InsertStatement, connection: SQLiteConnection, cache: StatementCache, hooks: SaveHooks,
         rowsPerStatement: Int = InsertStatement.batchRows) {
        self.statement = statement
        self.connection = connection
        self.cache = cache
        self.hooks = hooks
        // SQLite allows 32,766 bound parameters a statement.
        self.rowsPerStatement = max(1, min(rowsPerStatement, 32_000 / statement.columns.count))
        binds.reserveCapacity(self.rowsPerStatement * statement.columns.count)
    }

    func endRow() async throws {
        rows += 1
        if rows == rowsPerStatement { try await flush() }
    }

    /// Executes the rows still pending.
    func finish() async throws {
        if rows > 0 { try await flush() }
    }

    private func flush() async throws {
        assert(binds.count == rows * statement.columns.count, "row width does not match \(statement.table)")
        let sql = cache.sql(statement, rows: rows)
        do {
            try await connection.query(sql, binds) { _ in }
            statementsRun += 1
            try hooks.afterStatement?(statement.table, statementsRun)
        } catch {
            var stock: String?
            if case .text(let code)? = binds.first { stock = code }
            throw StorageError(table: statement.table, stock: stock,
                               date: binds.lazy.compactMap(\.integer).first.map(String.init),
                               reason: "writing a batch of \(rows) rows failed: \(error)")
        }
        binds.removeAll(keepingCapacity: true)
        rows = 0
    }
}

/// Test seams of a save: a hook that may throw after each executed statement.
struct SaveHooks: Sendable {
    /// Called after each batch statement with the table and the statement's 1-based number in it.
    var afterStatement: (@Sendable (_ table: String, _ statement: Int) throws -> Void)?

    static let none = SaveHooks(afterStatement: nil)
}
