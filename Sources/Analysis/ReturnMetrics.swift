import SeriesMath

/// Return-based performance figures, defined as empyrical (empyrical-reloaded 0.7) defines them
/// and computed in the same order of operations, so they agree with it to ~1e-15 relative.
///
/// Every function returns nil where empyrical would return NaN or ±infinity: the figure is
/// undefined for that input (the doc comment of each says when). `riskFree` and
/// `requiredReturn` are per-period rates (annual / periodsPerYear).
public enum ReturnMetrics {
    /// Compound annual growth `Π(1 + r)^(periodsPerYear / n) − 1` (empyrical `annual_return`).
    /// nil when `returns` is empty (or the growth factor is negative).
    public static func annualReturn(_ returns: [Double], periodsPerYear: Double) -> Double? {
        guard !returns.isEmpty else { return nil }
        return finiteOrNil(Annualization.annualReturn(
            growth: Returns.growth(returns), periods: returns.count, periodsPerYear: periodsPerYear))
    }

    /// Maximum drawdown of the value path that starts at 1 before the first return (empyrical
    /// `max_drawdown`): ≤ 0, and exactly 0 when the path never falls. nil when empty.
    public static func maxDrawdown(_ returns: [Double]) -> Double? {
        guard !returns.isEmpty else { return nil }
        return finiteOrNil(Drawdown.maximum(returns: returns))
    }

    /// Sample standard deviation (ddof = 1) × sqrt(periodsPerYear) (empyrical `annual_volatility`).
    /// nil for fewer than 2 returns.
    public static func annualVolatility(_ returns: [Double], periodsPerYear: Double) -> Double? {
        guard returns.count >= 2 else { return nil }
        return finiteOrNil(Annualization.volatility(
            standardDeviation: Statistics.standardDeviation(returns), periodsPerYear: periodsPerYear))
    }

    /// mean(r − rf) / std(r − rf, ddof = 1) × sqrt(periodsPerYear) (empyrical `sharpe_ratio`).
    /// nil for fewer than 2 returns, or when r − rf is constant: zero deviation makes the ratio
    /// infinite (or 0/0), which empyrical reports as ±inf/NaN.
    public static func sharpeRatio(_ returns: [Double], riskFree: Double, periodsPerYear: Double) -> Double? {
        guard returns.count >= 2 else { return nil }
        let excess = Returns.excess(returns, over: riskFree)
        guard !Statistics.isConstant(excess) else { return nil }
        let ratio = Statistics.mean(excess) / Statistics.standardDeviation(excess)
        return finiteOrNil(ratio * Annualization.ratioScale(periodsPerYear: periodsPerYear))
    }

    /// mean(r − rr) × periodsPerYear / (sqrt(mean(min(r − rr, 0)²)) × sqrt(periodsPerYear))
    /// (empyrical `sortino_ratio` with its `downside_risk`). nil for fewer than 2 returns, or when
    /// no return is below `requiredReturn` (zero downside deviation).
    public static func sortinoRatio(_ returns: [Double], requiredReturn: Double, periodsPerYear: Double) -> Double? {
        guard returns.count >= 2 else { return nil }
        let adjusted = Returns.excess(returns, over: requiredReturn)
        let annualMean = Statistics.mean(adjusted) * periodsPerYear
        let downside = Statistics.downsideDeviation(returns, threshold: requiredReturn)
            * Annualization.ratioScale(periodsPerYear: periodsPerYear)
        guard downside > 0 else { return nil }
        return finiteOrNil(annualMean / downside)
    }

    /// annualReturn / |maxDrawdown| (empyrical `calmar_ratio`). nil when either is undefined or
    /// when there is no drawdown (maxDrawdown ≥ 0).
    public static func calmarRatio(annualReturn: Double?, maxDrawdown: Double?) -> Double? {
        guard let annualReturn, let maxDrawdown, maxDrawdown < 0 else { return nil }
        return finiteOrNil(annualReturn / abs(maxDrawdown))
    }

    /// The `cutoff` quantile of the returns with numpy's linear interpolation (empyrical
    /// `value_at_risk`); `cutoff: 0.05` is the 95% one-day VaR. nil when empty.
    public static func valueAtRisk(_ returns: [Double], cutoff: Double = 0.05) -> Double? {
        guard !returns.isEmpty else { return nil }
        return finiteOrNil(Statistics.percentile(returns, 100 * cutoff))
    }

    /// Jensen's alpha and beta against a benchmark (empyrical `alpha_beta`):
    /// beta = cov(b, r) / var(b) with population moments; alpha = (1 + mean((r − rf) −
    /// beta·(b − rf)))^periodsPerYear − 1. Both nil for fewer than 2 returns; both nil when the
    /// benchmark's variance is below 1e-30 (a constant benchmark: no regression line).
    public static func alphaBeta(_ returns: [Double], benchmark: [Double], riskFree: Double,
                                 periodsPerYear: Double) -> (alpha: Double?, beta: Double?) {
        precondition(returns.count == benchmark.count, "returns and benchmark returns differ in length")
        guard returns.count >= 2 else { return (nil, nil) }
        let beta = Statistics.beta(returns, on: benchmark)
        guard beta.isFinite else { return (nil, nil) }
        var alphaSeries = [Double](repeating: 0, count: returns.count)
        for i in 0..<returns.count {
            alphaSeries[i] = (returns[i] - riskFree) - beta * (benchmark[i] - riskFree)
        }
        let alpha = Annualization.compound(Statistics.mean(alphaSeries), periodsPerYear: periodsPerYear)
        return (finiteOrNil(alpha), beta)
    }

    /// mean(r − b) / std(r − b, ddof = 1), per period and not annualised (empyrical
    /// `excess_sharpe`, the information ratio). nil for fewer than 2 returns or when the active
    /// return is constant (zero tracking error).
    public static func informationRatio(_ returns: [Double], benchmark: [Double]) -> Double? {
        precondition(returns.count == benchmark.count, "returns and benchmark returns differ in length")
        guard returns.count >= 2 else { return nil }
        let active = Returns.difference(returns, benchmark)
        guard !Statistics.isConstant(active) else { return nil }
        return finiteOrNil(Statistics.mean(active) / Statistics.standardDeviation(active))
    }
}
