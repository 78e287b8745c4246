import SQLKit

/// Schema v3: seed 000 §3.2.2's `factor_configurations` table, adapted, and the per-day id
/// sequence. (v2 belongs to another change; the migrator applies whichever versions a store lacks.)
///
/// Factor lists, weights and parameter overrides are JSON text (portable; SQLite has no JSON
/// type). `config_id` and `stock_code` are unique: one config per stock. Times are ISO 8601 UTC
/// text (`2024-01-07T10:00:00Z`), which sorts chronologically. `is_active` is the seed's flag,
/// always 1 for now (delete removes the row). `factor_config_sequence` remembers the last
/// sequence number handed out per UTC day, so a deleted config's id is never reused.
struct CreateFactorConfigurationsTable: SchemaMigration {
    let version = 3
    let name = "factor_configurations"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: FactorConfigTable.configs)
            .column("id", type: PortableType.bigint, .primaryKey(autoIncrement: true))
            .column("config_id", type: PortableType.text, .notNull, .unique)
            .column("stock_code", type: PortableType.text, .notNull, .unique)
            .column("technical_factors", type: PortableType.text, .notNull)
            .column("fundamental_factors", type: PortableType.text, .notNull)
            .column("market_factors", type: PortableType.text, .notNull)
            .column("sentiment_factors", type: PortableType.text, .notNull)
            .column("factor_weights", type: PortableType.text, .notNull)
            .column("factor_params", type: PortableType.text, .notNull)
            .column("description", type: PortableType.text)
            .column("is_active", type: .int, .notNull, .default(1))
            .column("created_at", type: PortableType.text, .notNull)
            .column("updated_at", type: PortableType.text, .notNull)
            .run()
        try await db.create(index: "idx_factor_configurations_created_at")
            .on(FactorConfigTable.configs).column("created_at")
            .run()
        try await db.create(table: FactorConfigTable.sequence)
            .column("day", type: PortableType.date, .primaryKey(autoIncrement: false))
            .column("last_value", type: .int, .notNull)
            .run()
    }
}

/// Table names of the factor-config schema.
enum FactorConfigTable {
    static let configs = "factor_configurations"
    static let sequence = "factor_config_sequence"
}
