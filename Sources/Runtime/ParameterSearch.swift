import Dispatch
import Foundation
import Analysis
import Factors
import HuiceCore
import MarketData

/// Grid search and walk-forward analysis over a base config (`huice optimize`).
///
/// Every combination is a full backtest under the engine's rules; what is shared between trials is
/// only what cannot differ: the prepared market panel of the window and the normalised factor
/// columns (`FactorColumnCache`). Trials run on every core; results are in combination order, so a
/// search is deterministic whatever the scheduling.
///
/// Another search method (random search, Bayesian optimisation, a genetic algorithm) is another
/// function producing `ParameterGrid.Combination`s and calling `evaluate(_:window:)`: the
/// evaluation, caching and ranking stay as they are (docs/OPTIMIZE.md).
public struct ParameterSearch: Sendable {
    public let search: ParameterSearchConfig
    public let data: MarketDataSet
    public let factors: FactorDataSet?
    public let baseDirectory: String
    let cache = FactorColumnCache()

    public init(_ search: ParameterSearchConfig, data: MarketDataSet, factors: FactorDataSet?, baseDirectory: String) {
        self.search = search
        self.data = data
        self.factors = factors
        self.baseDirectory = baseDirectory
    }

    /// Runs the grid (over the base config's dates) and, when configured, the walk-forward folds.
    public func run() throws -> ParameterSearchResult {
        let combinations = search.grid.combinations()
        let base = try baseConfig()
        let full = try evaluate(combinations, window: base.startDate...base.endDate)
        var walkForward: WalkForwardResult?
        if let schedule = search.walkForward { walkForward = try self.walkForward(schedule, combinations: combinations, base: base) }
        return ParameterSearchResult(metric: search.metric, combinations: combinations.count, grid: full, walkForward: walkForward)
    }

    func baseConfig() throws -> EffectiveConfig { try search.baseConfig() }

    /// Runs `combinations` over the days of `window`, returning every trial and the ranking.
    public func evaluate(_ combinations: [ParameterGrid.Combination], window: ClosedRange<TradingDay>) throws -> GridResult {
        // Decode every combination first: invalid ones (sell above buy …) are skipped with a reason.
        var configs: [(combination: ParameterGrid.Combination, config: EffectiveConfig)] = []
        var skipped: [SkippedCombination] = []
        for combination in combinations {
            var document = search.document(for: combination)
            document = document.setting(["start_date"], to: .string(window.lowerBound.description))
            document = document.setting(["end_date"], to: .string(window.upperBound.description))
            do {
                configs.append((combination, try EffectiveConfig(BacktestConfig.decode(try document.encoded(), file: "combination \(combination.index)"))))
            } catch let error as ConfigError {
                skipped.append(SkippedCombination(index: combination.index, parameters: Self.describe(combination), reason: error.description))
            }
        }
        guard let first = configs.first else {
            throw ConfigError(field: "parameters", reason: "no valid combination (the first: \(skipped.first?.reason ?? "none"))")
        }
        let trialConfigs = configs
        let prepared = try BacktestRunner.prepare(first.config, data: data, baseDirectory: baseDirectory)
        let slots = ResultSlots<Trial>(count: configs.count)
        // The first trial alone fills the factor cache; the rest share it on every core.
        slots.set(0, Result { try trial(trialConfigs[0].combination, trialConfigs[0].config, prepared) })
        DispatchQueue.concurrentPerform(iterations: max(trialConfigs.count - 1, 0)) { i in
            slots.set(i + 1, Result { try trial(trialConfigs[i + 1].combination, trialConfigs[i + 1].config, prepared) })
        }
        var trials: [Trial] = []
        for slot in slots.values {
            switch slot! {
            case .success(let t): trials.append(t)
            case .failure(let error): throw error
            }
        }
        let metric = search.metric
        let ranking = trials.indices.sorted { a, b in
            let x = metric.value(of: trials[a].metrics), y = metric.value(of: trials[b].metrics)
            if metric.ranks(x, before: y) { return true }
            if metric.ranks(y, before: x) { return false }
            return trials[a].index < trials[b].index
        }
        return GridResult(window: window, trials: trials, bestIndex: trials.isEmpty ? nil : trials[ranking[0]].index,
                          ranking: ranking.map { trials[$0].index }, skipped: skipped)
    }

    private func trial(_ combination: ParameterGrid.Combination, _ config: EffectiveConfig,
                       _ prepared: BacktestRunner.PreparedRun) throws -> Trial {
        var run = prepared
        let simulation = try BacktestRunner.simulate(&run, config: config, factors: factors, cache: cache)
        let trades = simulation.log.trades
        let report = BacktestRunner.analyze(run, simulation: simulation, trades: trades)
        return Trial(index: combination.index, parameters: Self.describe(combination), weights: combination.weights.map {
            Dictionary(uniqueKeysWithValues: $0.map { ($0.factor, $0.weight) })
        }, metrics: report.metrics, finalValue: simulation.log.ledger.count > 0 ? simulation.log.ledger.equity(at: simulation.log.ledger.count - 1) : prepared.initialCash)
    }

    static func describe(_ combination: ParameterGrid.Combination) -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: combination.values.map { ($0.path, $0.value) })
    }

    /// Walk-forward: on each fold, search the training days, then run the best combination on the
    /// following test days. Only the test days' metrics are out-of-sample.
    func walkForward(_ schedule: ParameterSearchConfig.WalkForward, combinations: [ParameterGrid.Combination],
                     base: EffectiveConfig) throws -> WalkForwardResult {
        let prepared = try BacktestRunner.prepare(base, data: data, baseDirectory: baseDirectory)
        let days = Array(prepared.calendar.days(in: base.startDate...base.endDate))
        guard days.count >= schedule.trainDays + schedule.testDays else {
            throw ConfigError(field: "walk_forward.train_days", reason: "train_days + test_days = \(schedule.trainDays + schedule.testDays) exceeds the \(days.count) trading days of the base config")
        }
        var folds: [WalkForwardFold] = []
        var start = 0
        var compounded = 1.0
        while start + schedule.trainDays + schedule.testDays <= days.count {
            let train = days[start]...days[start + schedule.trainDays - 1]
            let test = days[start + schedule.trainDays]...days[start + schedule.trainDays + schedule.testDays - 1]
            let grid = try evaluate(combinations, window: train)
            guard let bestIndex = grid.bestIndex, let best = combinations.first(where: { $0.index == bestIndex }) else { break }
            let outOfSample = try evaluate([best], window: test)
            let trainTrial = grid.trials.first { $0.index == bestIndex }!
            let testTrial = outOfSample.trials[0]
            compounded *= 1 + (testTrial.metrics.totalReturn ?? 0)
            folds.append(WalkForwardFold(trainStart: train.lowerBound, trainEnd: train.upperBound, testStart: test.lowerBound,
                                         testEnd: test.upperBound, bestIndex: bestIndex, parameters: trainTrial.parameters,
                                         weights: trainTrial.weights, trainMetric: search.metric.value(of: trainTrial.metrics),
                                         testMetrics: testTrial.metrics))
            start += schedule.stepDays
        }
        let values = folds.compactMap { search.metric.value(of: $0.testMetrics) }
        return WalkForwardResult(trainDays: schedule.trainDays, testDays: schedule.testDays, stepDays: schedule.stepDays,
                                 folds: folds, outOfSampleCompoundedReturn: folds.isEmpty ? nil : compounded - 1,
                                 outOfSampleMeanMetric: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count))
    }
}
