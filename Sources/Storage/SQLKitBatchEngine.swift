import SQLKit

/// Bulk writes through SQLKit on any `SQLDatabase` (PostgreSQL's path): Swift values bound as
/// SQLKit binds, which the driver encodes (`$1, $2, …` on PostgreSQL).
struct SQLKitBatchEngine: BatchEngine {
    let db: any SQLDatabase

    /// PostgreSQL's wire protocol counts parameters in 16 bits (65,535); SQLite allows 32,766.
    var maxParameters: Int { db.dialect.name == "sqlite" ? 32_766 : 65_535 }

    func value(_ text: String) -> any Encodable & Sendable { text }
    func value(_ integer: Int?) -> any Encodable & Sendable { integer }
    func value(_ double: Double?) -> any Encodable & Sendable { double }

    func run(_ sql: String, binds: [any Encodable & Sendable]) async throws {
        try await db.execute(sql: RenderedStatement(sql: sql, binds: binds)) { _ in }
    }
}

/// SQL text rendered earlier (by `StatementCache`) with the values for its placeholders.
struct RenderedStatement: SQLExpression {
    let sql: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(sql)
        serializer.binds.append(contentsOf: binds)
    }
}
