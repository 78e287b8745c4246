import Factors
import Foundation
import HuiceCore

/// Seed 000's `FactorCombinationManager`: factor-combination configs validated
/// (`FactorConfigValidator`) and kept in a store (`FactorConfigRepository`), one per stock.
///
/// Safe to share between tasks and processes: every operation is atomic (see
/// `FactorConfigRepository`), on SQLite and on PostgreSQL. Times come from `now` (whole seconds,
/// UTC), injectable for tests. Failures are `FactorConfigError`s
/// (not found → 404, invalid → 400 with the `ValidationResult`, stock taken → 409) or
/// `StorageError`s.
public struct FactorConfigManager: Sendable {
    public let repository: FactorConfigRepository
    public let validator: FactorConfigValidator
    private let now: @Sendable () -> Date

    /// The largest page `list` serves.
    public static let maxPageSize = 100

    public init(database: any StoreDatabase, validator: FactorConfigValidator = FactorConfigValidator(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        repository = FactorConfigRepository(database: database)
        self.validator = validator
        self.now = now
    }

    public init(store: MarketDataStore, validator: FactorConfigValidator = FactorConfigValidator(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(database: store.database, validator: validator, now: now)
    }

    /// Validates `draft` without storing anything.
    public func validate(_ draft: FactorConfigDraft) -> ValidationResult {
        validator.validate(draft)
    }

    /// Validates and stores `draft` as a new config with a fresh id; returns it with the
    /// validation warnings. The draft must not carry a `config_id` (ids are assigned).
    public func create(_ draft: FactorConfigDraft) async throws -> SavedFactorConfig {
        let content = try validated(draft, extra: draft.configID == nil ? [] : [
            ValidationIssue(field: "config_id", code: .notAllowed,
                            message: "config_id is assigned on create; leave it out (or use update)",
                            details: ["value": .string(draft.configID!)]),
        ])
        let config = try await repository.insert(content.config, at: timestamp())
        return SavedFactorConfig(config: config, warnings: content.warnings)
    }

    /// The config with `configID`; `FactorConfigError.notFound` when there is none.
    public func get(configID: String) async throws -> FactorConfig {
        guard let config = try await repository.config(id: configID) else { throw FactorConfigError.notFound(configID: configID) }
        return config
    }

    /// The config of the stock written as `stockCode` (any spelling `StockCode(normalizing:)`
    /// accepts); `.stockNotConfigured` when it has none, `.invalidArgument` when it is no stock code.
    public func get(stockCode text: String) async throws -> FactorConfig {
        guard let stock = StockCode(normalizing: text) else {
            throw FactorConfigError.invalidArgument(field: "stock_code", reason: "'\(text)' is not a stock code (e.g. 000001.SZ)")
        }
        guard let config = try await repository.config(stock: stock) else { throw FactorConfigError.stockNotConfigured(stock) }
        return config
    }

    /// Replaces the content of `configID` with `draft` (validated like create), keeping the id
    /// and `created_at` and bumping `updated_at`. The stock may change only to one without a
    /// config. A `config_id` inside the draft must equal `configID`.
    public func update(configID: String, with draft: FactorConfigDraft) async throws -> SavedFactorConfig {
        if let inDraft = draft.configID, inDraft != configID {
            throw FactorConfigError.invalidArgument(
                field: "config_id", reason: "the body's config_id '\(inDraft)' differs from the config updated, '\(configID)'")
        }
        let content = try validated(draft, extra: [])
        let config = try await repository.replace(id: configID, with: content.config, at: timestamp())
        return SavedFactorConfig(config: config, warnings: content.warnings)
    }

    /// Deletes `configID` and says when; `.notFound` when there is no such config.
    public func delete(configID: String) async throws -> FactorConfigDeleted {
        let at = timestamp()
        guard try await repository.delete(id: configID) else { throw FactorConfigError.notFound(configID: configID) }
        return FactorConfigDeleted(configID: configID, deletedAt: at)
    }

    /// Page `page` (from 1) of `size` configs (1…`maxPageSize`), oldest first, with the total.
    /// A page past the end is empty.
    public func list(page: Int = 1, size: Int = 10) async throws -> FactorConfigPage {
        guard page >= 1 else { throw FactorConfigError.invalidArgument(field: "page", reason: "page must be at least 1, got \(page)") }
        guard (1...Self.maxPageSize).contains(size) else {
            throw FactorConfigError.invalidArgument(field: "size", reason: "size must be between 1 and \(Self.maxPageSize), got \(size)")
        }
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: size)
        guard !overflow else { throw FactorConfigError.invalidArgument(field: "page", reason: "page \(page) is too large") }
        let (total, configs) = try await repository.page(offset: offset, limit: size)
        return FactorConfigPage(total: total, page: page, size: size, configs: configs)
    }

    private func validated(_ draft: FactorConfigDraft, extra: [ValidationIssue]) throws
        -> (config: ValidatedFactorConfig, warnings: [ValidationIssue])
    {
        let check = validator.check(draft)
        guard extra.isEmpty, let config = check.config else {
            var result = check.result
            result.errors = extra + result.errors
            throw FactorConfigError.validationFailed(result)
        }
        return (config, check.result.warnings)
    }

    private func timestamp() -> Date { FactorConfigTimestamp.truncated(now()) }
}

/// A config as stored by create or update, with the warnings its validation gave.
public struct SavedFactorConfig: Sendable, Equatable {
    public let config: FactorConfig
    public let warnings: [ValidationIssue]
}
