import HuiceCore
import MarketData
import SQLiteKit

/// Writes a `FactorDataSet` to `factor_values` inside one transaction, ~1,000 rows a statement
/// with bound parameters. See `SaveMode` for merge and replace.
struct FactorValuesWriter {
    let connection: SQLiteConnection
    let db: any SQLDatabase
    var hooks: SaveHooks = .none
    var rowsPerStatement = InsertStatement.batchRows

    static let columns = ["stock_code", "factor", "observed_date", "publish_date", "value"]

    /// Saves `set` atomically: any failure (a non-finite value, a database error) rolls everything back.
    func save(_ set: FactorDataSet, mode: SaveMode) async throws {
        try await db.transaction(dialect: db.dialect) {
            try await write(set, mode: mode)
        }
    }

    private func write(_ set: FactorDataSet, mode: SaveMode) async throws {
        let table = StoreTable.factorValues
        if mode == .replace {
            var codesByFactor: [String: Set<String>] = [:]
            for o in set.observations { codesByFactor[o.factor, default: []].insert(o.code.storageText) }
            for factor in codesByFactor.keys.sorted() {
                for chunk in codesByFactor[factor]!.sorted().chunked(into: LoadFilter.codesPerQuery) {
                    try await db.delete(from: table).where("factor", .equal, factor).where("stock_code", .in, Array(chunk)).run()
                }
            }
        }
        let key = Array(Self.columns.dropLast())
        let batch = BatchInserter(InsertStatement(table: table, columns: Self.columns,
                                                  conflict: .overwrite(key: key, columns: ["value"])),
                                  connection: connection, cache: StatementCache(db: db), hooks: hooks,
                                  rowsPerStatement: rowsPerStatement)
        var lastCode: StockCode?
        var codeText = SQLiteData.null
        for o in set.observations {
            guard o.value.isFinite else {
                throw StorageError(table: "\(table).value", stock: o.code.description, date: o.observed.description,
                                   reason: "\(o.factor) value \(o.value) is not a finite number")
            }
            if o.code != lastCode {
                lastCode = o.code
                codeText = .text(o.code.storageText)
            }
            batch.binds.append(codeText)
            batch.binds.append(.text(o.factor))
            batch.binds.append(.integer(Int(o.observed.yyyymmdd)))
            batch.binds.append(.integer(Int(o.published.yyyymmdd)))
            batch.binds.append(.float(o.value))
            try await batch.endRow()
        }
        try await batch.finish()
    }
}
