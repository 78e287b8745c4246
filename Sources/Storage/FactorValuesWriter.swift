import HuiceCore
import MarketData
import SQLKit

/// Writes a `FactorDataSet` to `factor_values`, ~1,000 rows a statement with bound parameters
/// through `Engine`. See `SaveMode` for merge and replace. The caller runs `write` inside one
/// transaction: any failure (a non-finite value, a database error) rolls everything back.
struct FactorValuesWriter<Engine: BatchEngine> {
    let engine: Engine
    var hooks: SaveHooks = .none
    var rowsPerStatement = InsertStatement.batchRows

    func write(_ set: FactorDataSet, mode: SaveMode) async throws {
        let table = StoreTable.factorValues
        let db = engine.db
        if mode == .replace {
            var codesByFactor: [String: Set<String>] = [:]
            for o in set.observations { codesByFactor[o.factor, default: []].insert(o.code.storageText) }
            for factor in codesByFactor.keys.sorted() {
                for chunk in codesByFactor[factor]!.sorted().chunked(into: LoadFilter.codesPerQuery) {
                    try await db.delete(from: table).where("factor", .equal, factor).where("stock_code", .in, Array(chunk)).run()
                }
            }
        }
        let key = Array(FactorValuesTable.columns.dropLast())
        let batch = BatchInserter(InsertStatement(table: table, columns: FactorValuesTable.columns,
                                                  conflict: .overwrite(key: key, columns: ["value"])),
                                  engine: engine, cache: StatementCache(db: db), hooks: hooks,
                                  rowsPerStatement: rowsPerStatement)
        var lastCode: StockCode?
        var codeText = ""
        for o in set.observations {
            guard o.value.isFinite else {
                throw StorageError(table: "\(table).value", stock: o.code.description, date: o.observed.description,
                                   reason: "\(o.factor) value \(o.value) is not a finite number")
            }
            if o.code != lastCode {
                lastCode = o.code
                codeText = o.code.storageText
            }
            batch.append(codeText)
            batch.append(o.factor)
            batch.append(Int(o.observed.yyyymmdd))
            batch.append(Int(o.published.yyyymmdd))
            batch.append(o.value)
            try await batch.endRow()
        }
        try await batch.finish()
    }
}
