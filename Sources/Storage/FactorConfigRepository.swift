import Factors
import Foundation
import HuiceCore
import SQLKit

/// Factor configs in a store's `factor_configurations` table (schema v3), on any `StoreDatabase`
/// (SQLite or PostgreSQL): every write is one transaction holding the tables' write lock
/// (`BEGIN IMMEDIATE` on SQLite, `LOCK TABLE` on PostgreSQL; see
/// `StoreDatabase.transaction(locking:_:)`), so concurrent callers — tasks sharing the store, or
/// another process on the same database — run their check-then-write one after another: they
/// never see half a write, never get the same id, and never put two configs on one stock.
///
/// Contents are validated before they get here: writes take a `ValidatedFactorConfig`.
/// `FactorConfigManager` is the usual entry point.
public struct FactorConfigRepository: Sendable {
    public let database: any StoreDatabase

    public init(database: any StoreDatabase) {
        self.database = database
    }

    public init(store: MarketDataStore) {
        self.init(database: store.database)
    }

    /// Stores `content` as a new config created at `now`, with the next id of `now`'s UTC day
    /// (`config_YYYYMMDD_NNN`, allocated in the same transaction). Throws
    /// `FactorConfigError.stockAlreadyConfigured` when the stock has a config.
    public func insert(_ content: ValidatedFactorConfig, at now: Date) async throws -> FactorConfig {
        try await write { db in
            if let existing = try await Self.configID(forStock: content.stockCode, on: db) {
                throw FactorConfigError.stockAlreadyConfigured(content.stockCode, existingConfigID: existing)
            }
            let id = try await Self.allocateID(on: DailyIdentifier.utcDay(now), db: db)
            let config = FactorConfig(configID: id, content: content, createdAt: now, updatedAt: now)
            let row = try Self.row(config)
            try await db.insert(into: FactorConfigTable.configs)
                .columns(Self.columns)
                .values(Self.columns.map { row[$0]! })
                .run()
            return config
        }
    }

    /// The config with `configID`, or nil.
    public func config(id configID: String) async throws -> FactorConfig? {
        try await read { db in try await Self.fetch(on: db) { $0.where("config_id", .equal, SQLBind(configID)) } }
    }

    /// The config of `stock`, or nil.
    public func config(stock: StockCode) async throws -> FactorConfig? {
        try await read { db in
            try await Self.fetch(on: db) { $0.where("stock_code", .equal, SQLBind(stock.storageText)) }
        }
    }

    /// Replaces the content of `configID` with `content`, keeping its id and `created_at` and
    /// setting `updated_at` to `now` (never earlier than `created_at`). Throws
    /// `FactorConfigError.notFound`, or `.stockAlreadyConfigured` when `content` moves the config
    /// to a stock that has another one.
    public func replace(id configID: String, with content: ValidatedFactorConfig, at now: Date) async throws
        -> FactorConfig
    {
        try await write { db in
            guard let current = try await Self.fetch(on: db, { $0.where("config_id", .equal, SQLBind(configID)) }) else {
                throw FactorConfigError.notFound(configID: configID)
            }
            if content.stockCode != current.stockCode,
               let other = try await Self.configID(forStock: content.stockCode, on: db) {
                throw FactorConfigError.stockAlreadyConfigured(content.stockCode, existingConfigID: other)
            }
            let config = FactorConfig(configID: configID, content: content, createdAt: current.createdAt,
                                      updatedAt: max(now, current.createdAt))
            let row = try Self.row(config)
            var update = db.update(FactorConfigTable.configs)
            for column in Self.columns where column != "config_id" && column != "created_at" {
                update = update.set(SQLIdentifier(column), to: row[column]!)
            }
            try await update.where("config_id", .equal, SQLBind(configID)).run()
            return config
        }
    }

    /// Deletes `configID`; false when there was no such config. Its id is not handed out again.
    public func delete(id configID: String) async throws -> Bool {
        try await write { db in
            guard try await Self.exists(configID, on: db) else { return false }
            try await db.delete(from: FactorConfigTable.configs).where("config_id", .equal, SQLBind(configID)).run()
            return true
        }
    }

    /// `limit` configs from `offset`, oldest first (created_at, then insertion order), and the total count.
    public func page(offset: Int, limit: Int) async throws -> (total: Int, configs: [FactorConfig]) {
        try await read { db in
            let total = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(FactorConfigTable.configs).first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await db.select().columns(Self.columns.map { SQLColumn($0) })
                .from(FactorConfigTable.configs)
                .orderBy("created_at").orderBy("id")
                .limit(limit).offset(offset)
                .all()
            return (total, try rows.map(Self.config(from:)))
        }
    }

    // MARK: - Running

    private func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await wrappingErrors { try await database.read(body) }
    }

    private func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await wrappingErrors {
            try await database.transaction(locking: [FactorConfigTable.configs, FactorConfigTable.sequence], body)
        }
    }

    /// Passes config errors and storage errors on; anything else (SQL) becomes a `StorageError`.
    private func wrappingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as FactorConfigError {
            throw error
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(file: database.location, table: FactorConfigTable.configs, reason: StorageError.message(of: error))
        }
    }

    // MARK: - Rows

    static let columns = [
        "config_id", "stock_code", "technical_factors", "fundamental_factors", "market_factors", "sentiment_factors",
        "factor_weights", "factor_params", "description", "created_at", "updated_at",
    ]

    static func row(_ config: FactorConfig) throws -> [String: SQLBind] {
        func json(_ value: some Encodable) throws -> SQLBind {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return SQLBind(String(decoding: try encoder.encode(value), as: UTF8.self))
        }
        return [
            "config_id": SQLBind(config.configID),
            "stock_code": SQLBind(config.stockCode.storageText),
            "technical_factors": try json(config.technicalFactors),
            "fundamental_factors": try json(config.fundamentalFactors),
            "market_factors": try json(config.marketFactors),
            "sentiment_factors": try json(config.sentimentFactors),
            "factor_weights": try json(config.factorWeights),
            "factor_params": try json(config.factorParams),
            "description": SQLBind(config.description),
            "created_at": SQLBind(FactorConfigTimestamp.format(config.createdAt)),
            "updated_at": SQLBind(FactorConfigTimestamp.format(config.updatedAt)),
        ]
    }

    static func config(from row: any SQLRow) throws -> FactorConfig {
        let id = try row.decode(column: "config_id", as: String.self)
        func fail(_ what: String) -> StorageError {
            StorageError(table: FactorConfigTable.configs, reason: "config \(id): unreadable \(what)")
        }
        func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
            let text = try row.decode(column: column, as: String.self)
            guard let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else { throw fail(column) }
            return value
        }
        func time(_ column: String) throws -> Date {
            guard let date = FactorConfigTimestamp.parse(try row.decode(column: column, as: String.self)) else {
                throw fail(column)
            }
            return date
        }
        guard let stock = StockCode(normalizing: try row.decode(column: "stock_code", as: String.self)) else {
            throw fail("stock_code")
        }
        return FactorConfig(
            configID: id, stockCode: stock,
            technicalFactors: try json("technical_factors", as: [String].self),
            fundamentalFactors: try json("fundamental_factors", as: [String].self),
            marketFactors: try json("market_factors", as: [String].self),
            sentimentFactors: try json("sentiment_factors", as: [String].self),
            factorWeights: try json("factor_weights", as: [String: Double].self),
            factorParams: try json("factor_params", as: [String: [String: Double]].self),
            description: try row.decodeNil(column: "description") ? nil : try row.decode(column: "description", as: String.self),
            createdAt: try time("created_at"), updatedAt: try time("updated_at"))
    }

    private static func fetch(on db: any SQLDatabase, _ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws
        -> FactorConfig?
    {
        let query = filter(db.select().columns(columns.map { SQLColumn($0) }).from(FactorConfigTable.configs))
        return try await query.first().map(config(from:))
    }

    private static func configID(forStock stock: StockCode, on db: any SQLDatabase) async throws -> String? {
        try await db.select().column("config_id").from(FactorConfigTable.configs)
            .where("stock_code", .equal, SQLBind(stock.storageText)).first()?
            .decode(column: "config_id", as: String.self)
    }

    private static func exists(_ configID: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("config_id").from(FactorConfigTable.configs)
            .where("config_id", .equal, SQLBind(configID)).first() != nil
    }

    // MARK: - Ids

    /// The next `config_YYYYMMDD_NNN` of `day`: one past the day's last handed-out number (kept in
    /// `factor_config_sequence`, so deleting a config never frees its id), skipping any id taken.
    private static func allocateID(on day: Int, db: any SQLDatabase) async throws -> String {
        let last = try await db.select().column("last_value").from(FactorConfigTable.sequence)
            .where("day", .equal, SQLBind(day)).first()?.decode(column: "last_value", as: Int.self)
        var value = (last ?? 0) + 1
        while try await exists(configID(day: day, sequence: value), on: db) { value += 1 }
        if last == nil {
            try await db.insert(into: FactorConfigTable.sequence).columns("day", "last_value")
                .values(SQLBind(day), SQLBind(value)).run()
        } else {
            try await db.update(FactorConfigTable.sequence).set("last_value", to: SQLBind(value))
                .where("day", .equal, SQLBind(day)).run()
        }
        return configID(day: day, sequence: value)
    }

    /// `config_20240107_001` (at least three digits).
    static func configID(day: Int, sequence: Int) -> String {
        DailyIdentifier.make(kind: "config", day: day, sequence: sequence)
    }
}
