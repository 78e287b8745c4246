import SQLKit

/// Accumulates rows of one INSERT statement and executes them ~1,000 rows a statement with bound
/// parameters (fewer when the engine's parameter limit needs it). The caller appends a row's
/// values in column order, then calls `endRow()`; `finish()` runs the rows still pending.
final class BatchInserter<Engine: BatchEngine> {
    let statement: InsertStatement
    private let engine: Engine
    private let cache: StatementCache
    private let hooks: SaveHooks
    private let rowsPerStatement: Int
    private var binds: [Engine.Value] = []
    private var rows = 0
    private(set) var statementsRun = 0
    /// The first text and integer of the pending batch (its first stock and date), for errors.
    private var firstText: String?
    private var firstInteger: Int?

    init(_ statement: InsertStatement, engine: Engine, cache: StatementCache, hooks: SaveHooks,
         rowsPerStatement: Int = InsertStatement.batchRows) {
        self.statement = statement
        self.engine = engine
        self.cache = cache
        self.hooks = hooks
        self.rowsPerStatement = max(1, min(rowsPerStatement, engine.maxParameters / statement.columns.count))
        binds.reserveCapacity(self.rowsPerStatement * statement.columns.count)
    }

    @inline(__always) func append(_ text: String) {
        if binds.isEmpty { firstText = text }
        binds.append(engine.value(text))
    }

    @inline(__always) func append(_ integer: Int?) {
        if firstInteger == nil { firstInteger = integer }
        binds.append(engine.value(integer))
    }

    @inline(__always) func append(_ double: Double?) {
        binds.append(engine.value(double))
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
            try await engine.run(sql, binds: binds)
            statementsRun += 1
            try hooks.afterStatement?(statement.table, statementsRun)
        } catch {
            throw StorageError(table: statement.table, stock: firstText, date: firstInteger.map(String.init),
                               reason: "writing a batch of \(rows) rows failed: \(StorageError.message(of: error))")
        }
        binds.removeAll(keepingCapacity: true)
        rows = 0
        firstText = nil
        firstInteger = nil
    }
}

/// Test seams of a save: a hook that may throw after each executed statement.
struct SaveHooks: Sendable {
    /// Called after each batch statement with the table and the statement's 1-based number in it.
    var afterStatement: (@Sendable (_ table: String, _ statement: Int) throws -> Void)?

    static let none = SaveHooks(afterStatement: nil)
}
