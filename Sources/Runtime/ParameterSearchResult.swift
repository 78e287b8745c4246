import Foundation
import Analysis
import HuiceCore

/// One evaluated combination.
public struct Trial: Sendable, Encodable {
    public var index: Int
    /// Parameter path → value.
    public var parameters: [String: JSONValue]
    public var weights: [String: Double]?
    public var metrics: BacktestMetrics
    public var finalValue: Money

    enum CodingKeys: String, CodingKey { case index, parameters, weights, metrics, finalValue = "final_value" }
}

public struct SkippedCombination: Sendable, Encodable {
    public var index: Int
    public var parameters: [String: JSONValue]
    public var reason: String
}

/// A grid over one window of days.
public struct GridResult: Sendable, Encodable {
    public var window: ClosedRange<TradingDay>
    /// Every valid combination, in combination order.
    public var trials: [Trial]
    public var bestIndex: Int?
    /// Combination indices, best first (undefined metric values last, ties by index).
    public var ranking: [Int]
    public var skipped: [SkippedCombination]

    public var best: Trial? { bestIndex.flatMap { i in trials.first { $0.index == i } } }

    enum CodingKeys: String, CodingKey { case startDate = "start_date", endDate = "end_date", trials, best, ranking, skipped }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(window.lowerBound, forKey: .startDate)
        try c.encode(window.upperBound, forKey: .endDate)
        try c.encode(trials, forKey: .trials)
        try c.encodeIfPresent(best, forKey: .best)
        try c.encode(ranking, forKey: .ranking)
        try c.encode(skipped, forKey: .skipped)
    }
}

public struct WalkForwardFold: Sendable, Encodable {
    public var trainStart: TradingDay
    public var trainEnd: TradingDay
    public var testStart: TradingDay
    public var testEnd: TradingDay
    public var bestIndex: Int
    public var parameters: [String: JSONValue]
    public var weights: [String: Double]?
    /// The ranking metric on the training days (in-sample, for reference).
    public var trainMetric: Double?
    /// Out-of-sample: the chosen combination on the test days.
    public var testMetrics: BacktestMetrics

    enum CodingKeys: String, CodingKey {
        case trainStart = "train_start", trainEnd = "train_end", testStart = "test_start", testEnd = "test_end"
        case bestIndex = "best_index", parameters, weights, trainMetric = "train_metric", testMetrics = "test_metrics"
    }
}

public struct WalkForwardResult: Sendable, Encodable {
    public var trainDays: Int
    public var testDays: Int
    public var stepDays: Int
    public var folds: [WalkForwardFold]
    /// Π(1 + test total return) − 1 over the folds (with step = test, the test windows tile).
    public var outOfSampleCompoundedReturn: Double?
    /// Mean of the ranking metric over the test windows.
    public var outOfSampleMeanMetric: Double?

    enum CodingKeys: String, CodingKey {
        case trainDays = "train_days", testDays = "test_days", stepDays = "step_days", folds
        case outOfSampleCompoundedReturn = "out_of_sample_compounded_return", outOfSampleMeanMetric = "out_of_sample_mean_metric"
    }
}

/// What `huice optimize` writes.
public struct ParameterSearchResult: Sendable, Encodable {
    public var metric: SearchMetric
    public var combinations: Int
    public var grid: GridResult
    public var walkForward: WalkForwardResult?

    enum CodingKeys: String, CodingKey { case metric, combinations, grid, walkForward = "walk_forward" }

    public func jsonDocument() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
