import HuiceCore
import MarketData

extension MarketDataStore {
    /// Saves factor values atomically (one transaction: on any failure nothing lands). `.merge`
    /// upserts by (stock, factor, observed, published); `.replace` first clears every
    /// (stock, factor) pair the set holds. Market data is never touched.
    public func saveFactors(_ set: FactorDataSet, mode: SaveMode = .merge) async throws {
        try await saveFactors(set, mode: mode, hooks: .none)
    }

    func saveFactors(_ set: FactorDataSet, mode: SaveMode, hooks: SaveHooks,
                     rowsPerStatement: Int = InsertStatement.batchRows) async throws {
        let connection = sqlite?.connection
        try await database.transaction(locking: [StoreTable.factorValues]) { db in
            if let connection {
                try await FactorValuesWriter(engine: SQLiteBatchEngine(connection: connection), hooks: hooks,
                                             rowsPerStatement: rowsPerStatement).write(set, mode: mode)
            } else {
                try await FactorValuesWriter(engine: SQLKitBatchEngine(db: db), hooks: hooks,
                                             rowsPerStatement: rowsPerStatement).write(set, mode: mode)
            }
        }
    }

    /// The stored factor values of `codes` (all when nil) and `factors` (canonical names; all when
    /// nil), every vintage, sorted like any `FactorDataSet`.
    public func loadFactors(codes: [StockCode]? = nil, factors: [String]? = nil) async throws -> FactorDataSet {
        let codeTexts = codes.map { Array(Set($0.map(\.storageText))).sorted() }
        let factorNames = factors.map { Array(Set($0)).sorted() }
        return try await reading { rows in try await FactorValuesReader(rows: rows).load(codes: codeTexts, factors: factorNames) }
    }
}
