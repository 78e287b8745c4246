import HuiceCore
import MarketData
import SQLKit

/// Reads `factor_values` back into a `FactorDataSet`: SQLKit-built queries, rows decoded by hand.
struct FactorValuesReader {
    let rows: RowReader

    /// Observations of `codes` (storage texts; all when nil) and `factors` (all when nil).
    func load(codes: [String]?, factors: [String]?) async throws -> FactorDataSet {
        let table = StoreTable.factorValues
        let collector = RowCollector<[FactorObservation]>(table: table, [])
        let chunks: [[String]?] = codes.map { $0.chunked(into: LoadFilter.codesPerQuery).map { Array($0) } } ?? [nil]
        for chunk in chunks {
            let query = rows.db.select().columns(FactorValuesTable.columns).from(table)
            if let chunk { query.where("stock_code", .in, chunk) }
            if let factors { query.where("factor", .in, factors) }
            query.orderBy("stock_code").orderBy("factor").orderBy("observed_date").orderBy("publish_date")
            try await rows.collect(query, into: collector) { c, row in
                c.value.append(FactorObservation(
                    code: try c.code(row, "stock_code"), factor: try c.text(row, "factor"),
                    observed: try c.day(row, "observed_date"), published: try c.day(row, "publish_date"),
                    value: try c.double(row, "value")))
            }
        }
        return FactorDataSet(observations: try collector.result())
    }
}
