import Factors
import Foundation
import HuiceCore
import Runtime

/// A task's config, fixed when its batch is created: the batch's effective config narrowed to the
/// task's stock, with the task id as `backtest_id` and the factor configuration resolved to inline
/// factors (so editing or deleting the stored config later does not change queued tasks). Stored
/// as the effective config's JSON (every key, sorted), which decodes back to the same config.
struct TaskConfigSnapshot: Sendable {
    var config: EffectiveConfig
    var text: String
    /// The combination getTaskResults shows.
    var combination: FactorCombination

    init(request: BatchRequest, stock: StockCode, taskID: String, stored: FactorConfig?) throws {
        var config = request.config
        config.universe = [stock]
        config.backtestID = taskID
        config.backtestName = "\(request.name) \(stock)"
        if case .factorScore(var spec) = config.strategy {
            if let stored {
                spec = spec.resolving(stored)
                spec.factorConfigID = nil
                spec.useStockConfigs = false
            }
            config.strategy = .factorScore(spec)
            combination = FactorCombination(
                name: stored.map { $0.description?.isEmpty == false ? $0.description! : $0.configID } ?? "自定义组合",
                factors: spec.factors.map { FactorCombination.Factor(name: $0.name, weight: $0.weight, params: $0.params) })
        } else {
            combination = FactorCombination(name: config.strategy.typeName, factors: [])
        }
        let text = String(decoding: try Self.encoder.encode(config), as: UTF8.self)
        // The snapshot must mean exactly this config when a worker reads it back.
        guard try Self.decode(text) == config else {
            throw ConfigError(field: "config", reason: "the task config does not survive its JSON form (internal error)")
        }
        self.config = config
        self.text = text
    }

    /// The config a worker runs: the snapshot decoded and checked by the config decoder.
    static func decode(_ text: String) throws(ConfigError) -> EffectiveConfig {
        try EffectiveConfig(BacktestConfig.decode(Data(text.utf8), file: "task config"))
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
