import Analysis

/// The metric a parameter search ranks by, with its good direction.
public enum SearchMetric: String, Sendable, Codable, CaseIterable {
    case totalReturn = "total_return"
    case annualReturn = "annual_return"
    case sharpeRatio = "sharpe_ratio"
    case sortinoRatio = "sortino_ratio"
    case calmarRatio = "calmar_ratio"
    /// ≤ 0 here, so larger (closer to 0) is better.
    case maxDrawdown = "max_drawdown"
    case volatility
    case winRate = "win_rate"
    case profitFactor = "profit_factor"
    case excessReturn = "excess_return"
    case informationRatio = "information_ratio"

    public var higherIsBetter: Bool { self != .volatility }

    public func value(of metrics: BacktestMetrics) -> Double? {
        let value: Double? = switch self {
        case .totalReturn: metrics.totalReturn
        case .annualReturn: metrics.annualReturn
        case .sharpeRatio: metrics.sharpeRatio
        case .sortinoRatio: metrics.sortinoRatio
        case .calmarRatio: metrics.calmarRatio
        case .maxDrawdown: metrics.maxDrawdown
        case .volatility: metrics.volatility
        case .winRate: metrics.winRate
        case .profitFactor: metrics.profitFactor
        case .excessReturn: metrics.excessReturn
        case .informationRatio: metrics.informationRatio
        }
        return value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Whether `a` ranks before `b`: better values first, undefined values last.
    public func ranks(_ a: Double?, before b: Double?) -> Bool {
        switch (a, b) {
        case (nil, _): false
        case (_, nil): true
        case (let x?, let y?): higherIsBetter ? x > y : x < y
        }
    }
}
