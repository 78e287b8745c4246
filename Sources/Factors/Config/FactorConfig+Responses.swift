import Foundation
import HuiceCore

/// Seed 000 §2.2.7's `data` of a create response: `{"config_id", "stock_code", "created_at"}`.
public struct FactorConfigCreated: Sendable, Equatable, Encodable {
    public var configID: String
    public var stockCode: StockCode
    public var createdAt: Date

    public init(_ config: FactorConfig) {
        configID = config.configID
        stockCode = config.stockCode
        createdAt = config.createdAt
    }

    enum CodingKeys: String, CodingKey { case configID = "config_id", stockCode = "stock_code", createdAt = "created_at" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(configID, forKey: .configID)
        try c.encode(stockCode, forKey: .stockCode)
        try c.encode(FactorConfigTimestamp.format(createdAt), forKey: .createdAt)
    }
}

/// Seed 000 §2.2.7's `data` of an update response: `{"config_id", "updated_at"}`.
public struct FactorConfigUpdated: Sendable, Equatable, Encodable {
    public var configID: String
    public var updatedAt: Date

    public init(_ config: FactorConfig) {
        configID = config.configID
        updatedAt = config.updatedAt
    }

    enum CodingKeys: String, CodingKey { case configID = "config_id", updatedAt = "updated_at" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(configID, forKey: .configID)
        try c.encode(FactorConfigTimestamp.format(updatedAt), forKey: .updatedAt)
    }
}

/// Seed 000 §2.2.7's `data` of a delete response: `{"config_id", "deleted_at"}`.
public struct FactorConfigDeleted: Sendable, Equatable, Encodable {
    public var configID: String
    public var deletedAt: Date

    public init(configID: String, deletedAt: Date) {
        self.configID = configID
        self.deletedAt = deletedAt
    }

    enum CodingKeys: String, CodingKey { case configID = "config_id", deletedAt = "deleted_at" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(configID, forKey: .configID)
        try c.encode(FactorConfigTimestamp.format(deletedAt), forKey: .deletedAt)
    }
}

/// Seed 000 §2.2.7's `data` of a list response: `{"total", "page", "size", "configs"}`; pages
/// count from 1, configs oldest first (creation time, then id).
public struct FactorConfigPage: Sendable, Equatable, Encodable {
    /// How many configs are stored in all.
    public var total: Int
    public var page: Int
    public var size: Int
    public var configs: [FactorConfig]

    public init(total: Int, page: Int, size: Int, configs: [FactorConfig]) {
        self.total = total
        self.page = page
        self.size = size
        self.configs = configs
    }
}

/// The JSON the factor-config shapes are written as: pretty, sorted keys, unescaped slashes, a
/// final newline (the project's result style).
public enum FactorConfigJSON {
    public static func document(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
