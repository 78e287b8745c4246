import SQLiteKit

/// Runs SELECTs built with SQLKit (so they render in the database's dialect) and hands each row to
/// a callback as a `StoreRow`: raw SQLiteNIO rows on SQLite (no Codable), SQLKit rows elsewhere.
///
/// Either way the callback runs serially, and the query completes only after the last row, so
/// collectors need no locks.
struct RowReader: Sendable {
    let db: any SQLDatabase
    /// The raw connection behind `db` on SQLite; nil on other engines.
    let sqlite: SQLiteConnection?

    init(db: any SQLDatabase, sqlite: SQLiteConnection?) {
        self.db = db
        self.sqlite = sqlite
    }

    func forEachRow(_ query: SQLSelectBuilder, _ onRow: @escaping @Sendable (any StoreRow) -> Void) async throws {
        if let sqlite {
            let (sql, binds) = db.serialize(query.query)
            let encoder = SQLiteDataEncoder()
            try await sqlite.query(sql, try binds.map { try encoder.encode($0) }) { onRow($0) }
        } else {
            try await db.execute(sql: query.query) { onRow(SQLKitStoreRow(row: $0)) }
        }
    }

    /// Runs `query`, decoding each row into `collector` with `decode`.
    func collect<Result>(_ query: SQLSelectBuilder, into collector: RowCollector<Result>,
                         _ decode: @escaping @Sendable (RowCollector<Result>, any StoreRow) throws -> Void) async throws {
        try await forEachRow(query) { collector.consume($0, decode) }
    }
}
