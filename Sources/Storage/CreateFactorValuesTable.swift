import SQLKit

/// Schema v2: imported factor values, one row per (stock, factor, observed day, publish day).
///
/// `observed_date` is the trade date or report period end, `publish_date` the first day a decision
/// may use the value (both `yyyymmdd`); a restated report is another row with a later
/// `publish_date`. On SQLite the table is `WITHOUT ROWID`, clustered by its key, so one stock's
/// factors load in one range scan.
struct CreateFactorValuesTable: SchemaMigration {
    let version = 2
    let name = "factor_values"

    func prepare(on db: any SQLDatabase) async throws {
        let builder = db.create(table: StoreTable.factorValues)
            .column("stock_code", type: PortableType.text, .notNull)
            .column("factor", type: PortableType.text, .notNull)
            .column("observed_date", type: PortableType.date, .notNull)
            .column("publish_date", type: PortableType.date, .notNull)
            .column("value", type: PortableType.double, .notNull)
            .primaryKey("stock_code", "factor", "observed_date", "publish_date")
        if db.dialect.name == "sqlite" {
            try await db.raw("\(builder.query) WITHOUT ROWID").run()
        } else {
            try await builder.run()
        }
    }
}

/// The columns of `factor_values`, in the order writes bind them and reads select them.
enum FactorValuesTable {
    static let columns = ["stock_code", "factor", "observed_date", "publish_date", "value"]
}
