import SQLKit

/// One versioned step of the store's schema. Applied once, in its own transaction, and
/// recorded in `schema_migrations`; re-opening a store applies only the versions it lacks.
///
/// Write the statements with SQLKit builders so the same migration runs on SQLite and
/// PostgreSQL; guard dialect-only syntax with `db.dialect.name`.
public protocol SchemaMigration: Sendable {
    /// Unique, ascending: migrations run in version order.
    var version: Int { get }
    /// Short name stored beside the version.
    var name: String { get }
    func prepare(on db: any SQLDatabase) async throws
}

/// The market-data schema's migrations, in order.
public enum MarketDataSchema {
    public static let migrations: [any SchemaMigration] = [
        CreateMarketDataTables(),
        CreateFactorValuesTable(),
        CreateFactorConfigurationsTable(),
        CreateBacktestTaskTables(),
        IndexTaskCompletion(),
    ]

    /// The version a freshly migrated store is at.
    public static var latestVersion: Int { migrations.map(\.version).max() ?? 0 }
}

/// Column types that mean the same on SQLite and PostgreSQL.
enum PortableType {
    /// `DOUBLE PRECISION` (SQLKit's `.real` is float4 on PostgreSQL); REAL affinity on SQLite.
    static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))
    /// BIGINT on PostgreSQL, INTEGER (64-bit) on SQLite.
    static let bigint = SQLDataType.bigint
    /// yyyymmdd dates fit a 32-bit INTEGER.
    static let date = SQLDataType.int
    static let text = SQLDataType.text
}
