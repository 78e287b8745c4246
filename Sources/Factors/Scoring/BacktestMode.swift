/// Seed 000's two backtest modes (§2.1.1): where a factor's value on a past day comes from.
public enum BacktestMode: String, Sendable, Codable, CaseIterable, Hashable {
    /// 历史模拟: the values as they were stored at the time — point-in-time, as first published and
    /// revised only when a revision was published. Stored technical values win over recomputation.
    case historicalSimulation = "historical_simulation"
    /// 模型验证: today's definitions and parameters over the whole history — technical (and other
    /// bar-derived) factors recomputed from the bars, imported factors at their latest revision
    /// (still visible only from their first publication).
    case modelValidation = "model_validation"
}
