import Foundation
import Factors
import HuiceCore
import MarketData
import Storage

/// What a backtest reads besides its config: market data (a directory, a file or a store), stored
/// factor values (the config's `factor_data` files plus the store's factor table) and, for a factor
/// strategy naming a `factor_config_id`, that configuration from the factor-config store.
public struct BacktestInputs: Sendable {
    public var data: MarketDataSet
    public var factors: FactorDataSet?
    public var report: ImportReport

    /// Loads the inputs of `config`. `baseDirectory` resolves `factor_data` paths (normally the
    /// config file's directory).
    public static func load(_ config: EffectiveConfig, dataPath: String, baseDirectory: String,
                            options: ImportOptions = ImportOptions()) async throws -> BacktestInputs {
        let imported = try await MarketDataLoader(options: options).load(path: dataPath)
        var factors: FactorDataSet?
        if MarketDataLoader.isStore(dataPath) {
            let store = try await MarketDataStore.open(path: dataPath)
            let stored = try await store.loadFactors()
            try await store.close()
            if !stored.observations.isEmpty { factors = stored }
        }
        if !config.factorData.isEmpty {
            let urls = config.factorData.map { path in
                URL(fileURLWithPath: path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path))
            }
            let files = try FactorDataImporter.importFiles(urls)
            factors = factors.map { $0.merging(files) } ?? files
        }
        return BacktestInputs(data: imported.data, factors: factors, report: imported.report)
    }

    /// `config` with a factor strategy's `factor_config_id` replaced by the stored configuration's
    /// factors, weights and parameters (from the store at `storePath`). Other configs pass unchanged.
    public static func resolvingFactorConfig(_ config: EffectiveConfig, storePath: String) async throws -> EffectiveConfig {
        guard case .factorScore(let spec) = config.strategy, let id = spec.factorConfigID, spec.factors.isEmpty else { return config }
        let stored = try await withFactorConfigs(at: storePath, field: "strategy.factor_config_id", needer: id) { manager in
            try await manager.get(configID: id)
        }
        var resolved = config
        resolved.strategy = .factorScore(spec.resolving(stored))
        return resolved
    }

    /// For `use_stock_configs`: one config per stock of `codes`, each with that stock's stored
    /// factor configuration. A stock without one is an error naming it.
    public static func stockConfigs(_ config: EffectiveConfig, codes: [StockCode], storePath: String) async throws -> [StockCode: EffectiveConfig] {
        guard case .factorScore(let spec) = config.strategy, spec.useStockConfigs else { return [:] }
        return try await withFactorConfigs(at: storePath, field: "strategy.use_stock_configs", needer: "use_stock_configs") { manager in
            var result: [StockCode: EffectiveConfig] = [:]
            for code in codes {
                let stored: FactorConfig
                do { stored = try await manager.get(stockCode: code.description) } catch let error as FactorConfigError {
                    throw ConfigError(field: "strategy.use_stock_configs", reason: "\(code): \(error)")
                }
                var filled = spec.resolving(stored)
                filled.useStockConfigs = false
                filled.factorConfigID = stored.configID
                var single = config
                single.strategy = .factorScore(filled)
                result[code] = single
            }
            return result
        }
    }

    /// Runs `body` with the factor-config manager of the store at `path`, closing the store however
    /// `body` ends; a missing store or a factor-config error becomes a config error on `field`.
    private static func withFactorConfigs<T: Sendable>(at path: String, field: String, needer: String,
                                                       _ body: (FactorConfigManager) async throws -> T) async throws -> T {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(field: field, reason: "\(needer) needs the factor-config store, and \(path) does not exist (pass --store)")
        }
        let store = try await MarketDataStore.open(path: path)
        do {
            let value = try await body(FactorConfigManager(store: store))
            try await store.close()
            return value
        } catch {
            try? await store.close()
            if let error = error as? FactorConfigError { throw ConfigError(field: field, reason: "\(error)") }
            throw error
        }
    }
}

extension FactorStrategySpec {
    /// The spec with `config`'s factors (in its category order), weights and parameter overrides.
    public func resolving(_ config: FactorConfig) -> FactorStrategySpec {
        var resolved = self
        resolved.factors = config.allFactors.map { name in
            Choice(name: name, weight: config.factorWeights[name] ?? 0, params: config.factorParams[name] ?? [:])
        }
        return resolved
    }
}
