/// The performance figures of one run: seed 002 §1.6 `BacktestMetrics` with its snake_case keys,
/// plus benchmark comparison, value at risk and per-reason order counts.
///
/// Fractions are plain ratios (0.12 = 12%); amounts (`avg_trade` … `max_loss`) are in yuan.
/// Definitions follow empyrical (see `ReturnMetrics`). An optional that is nil is a figure that
/// is undefined for this run and encodes as JSON `null` (never NaN); each property says when.
public struct BacktestMetrics: Sendable, Equatable, Codable {
    // MARK: Returns

    /// Final equity / initial cash − 1. nil when the ledger is empty.
    public var totalReturn: Double?
    /// Compound annual growth over `n` daily returns. nil when the ledger is empty.
    public var annualReturn: Double?

    // MARK: Risk

    /// Largest fall from a running peak of the value path starting at initial cash (≤ 0; 0 when
    /// it never falls). nil when the ledger is empty.
    public var maxDrawdown: Double?
    /// Annualised sample standard deviation of daily returns. nil for fewer than 2 returns.
    public var volatility: Double?
    /// 5th percentile of daily returns (a negative number is a loss). nil when the ledger is empty.
    public var var95: Double?

    // MARK: Risk-adjusted

    /// nil for fewer than 2 returns or when the excess returns are constant (zero deviation).
    public var sharpeRatio: Double?
    /// nil for fewer than 2 returns or when no return falls below the required return (zero
    /// downside deviation).
    public var sortinoRatio: Double?
    /// annual_return / |max_drawdown|. nil when there is no drawdown (max_drawdown = 0).
    public var calmarRatio: Double?

    // MARK: Benchmark (all nil without a benchmark)

    /// Annualised Jensen's alpha. nil also for fewer than 2 returns or a constant benchmark.
    public var alpha: Double?
    /// nil also for fewer than 2 returns or a benchmark whose return variance is below 1e-30.
    public var beta: Double?
    /// Mean active return / its sample deviation, per day (not annualised). nil also for fewer
    /// than 2 returns or constant active returns.
    public var informationRatio: Double?
    /// total_return − benchmark_return.
    public var excessReturn: Double?
    /// The benchmark's total return: last close / close before the first day − 1.
    public var benchmarkReturn: Double?
    public var benchmarkAnnualReturn: Double?

    // MARK: Round trips

    /// Closed round trips (open positions at the end are not counted).
    public var totalTrades: Int = 0
    /// Winning round trips (pnl > 0) / round trips. nil without round trips.
    public var winRate: Double?
    /// Gross wins / |gross losses|. nil when no round trip lost money.
    public var profitFactor: Double?
    /// Mean round-trip pnl in yuan. nil without round trips.
    public var avgTrade: Double?
    /// Mean pnl of the winners. nil without winners.
    public var avgWin: Double?
    /// Mean pnl of the losers (negative). nil without losers.
    public var avgLoss: Double?
    /// Largest winning pnl. nil without winners.
    public var maxWin: Double?
    /// Most negative pnl. nil without losers.
    public var maxLoss: Double?

    // MARK: Orders

    /// Records with shares > 0 / all records. nil when there are no records.
    public var fillRate: Double?
    /// All order records (every attempt, filled or not).
    public var totalOrders: Int = 0
    /// Records with shares > 0.
    public var filledOrders: Int = 0
    public var limitUpRejected: Int = 0
    public var limitDownRejected: Int = 0
    public var auctionFailed: Int = 0
    public var noCashRejected: Int = 0
    public var maxPositionRejected: Int = 0
    public var suspendedRejected: Int = 0

    /// Everything undefined and every count zero: the metrics of a run with no data.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case totalReturn = "total_return"
        case annualReturn = "annual_return"
        case maxDrawdown = "max_drawdown"
        case volatility
        case sharpeRatio = "sharpe_ratio"
        case sortinoRatio = "sortino_ratio"
        case calmarRatio = "calmar_ratio"
        case totalTrades = "total_trades"
        case winRate = "win_rate"
        case profitFactor = "profit_factor"
        case avgTrade = "avg_trade"
        case avgWin = "avg_win"
        case avgLoss = "avg_loss"
        case maxWin = "max_win"
        case maxLoss = "max_loss"
        case fillRate = "fill_rate"
        case limitUpRejected = "limit_up_rejected"
        case auctionFailed = "auction_failed"
        case var95 = "var_95"
        case alpha
        case beta
        case informationRatio = "information_ratio"
        case excessReturn = "excess_return"
        case benchmarkReturn = "benchmark_return"
        case benchmarkAnnualReturn = "benchmark_annual_return"
        case limitDownRejected = "limit_down_rejected"
        case noCashRejected = "no_cash_rejected"
        case maxPositionRejected = "max_position_rejected"
        case suspendedRejected = "suspended_rejected"
        case totalOrders = "total_orders"
        case filledOrders = "filled_orders"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func double(_ key: CodingKeys) throws -> Double? { try c.decodeIfPresent(Double.self, forKey: key) }
        func count(_ key: CodingKeys) throws -> Int { try c.decodeIfPresent(Int.self, forKey: key) ?? 0 }
        totalReturn = try double(.totalReturn)
        annualReturn = try double(.annualReturn)
        maxDrawdown = try double(.maxDrawdown)
        volatility = try double(.volatility)
        var95 = try double(.var95)
        sharpeRatio = try double(.sharpeRatio)
        sortinoRatio = try double(.sortinoRatio)
        calmarRatio = try double(.calmarRatio)
        alpha = try double(.alpha)
        beta = try double(.beta)
        informationRatio = try double(.informationRatio)
        excessReturn = try double(.excessReturn)
        benchmarkReturn = try double(.benchmarkReturn)
        benchmarkAnnualReturn = try double(.benchmarkAnnualReturn)
        totalTrades = try count(.totalTrades)
        winRate = try double(.winRate)
        profitFactor = try double(.profitFactor)
        avgTrade = try double(.avgTrade)
        avgWin = try double(.avgWin)
        avgLoss = try double(.avgLoss)
        maxWin = try double(.maxWin)
        maxLoss = try double(.maxLoss)
        fillRate = try double(.fillRate)
        totalOrders = try count(.totalOrders)
        filledOrders = try count(.filledOrders)
        limitUpRejected = try count(.limitUpRejected)
        limitDownRejected = try count(.limitDownRejected)
        auctionFailed = try count(.auctionFailed)
        noCashRejected = try count(.noCashRejected)
        maxPositionRejected = try count(.maxPositionRejected)
        suspendedRejected = try count(.suspendedRejected)
    }

    /// Seed 002's keys first, in its order, then the additions; every key is always present, with
    /// `null` for an undefined figure, so each run's metrics have the same columns.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeFinite(totalReturn, forKey: .totalReturn)
        try c.encodeFinite(annualReturn, forKey: .annualReturn)
        try c.encodeFinite(maxDrawdown, forKey: .maxDrawdown)
        try c.encodeFinite(volatility, forKey: .volatility)
        try c.encodeFinite(sharpeRatio, forKey: .sharpeRatio)
        try c.encodeFinite(sortinoRatio, forKey: .sortinoRatio)
        try c.encodeFinite(calmarRatio, forKey: .calmarRatio)
        try c.encode(totalTrades, forKey: .totalTrades)
        try c.encodeFinite(winRate, forKey: .winRate)
        try c.encodeFinite(profitFactor, forKey: .profitFactor)
        try c.encodeFinite(avgTrade, forKey: .avgTrade)
        try c.encodeFinite(avgWin, forKey: .avgWin)
        try c.encodeFinite(avgLoss, forKey: .avgLoss)
        try c.encodeFinite(maxWin, forKey: .maxWin)
        try c.encodeFinite(maxLoss, forKey: .maxLoss)
        try c.encodeFinite(fillRate, forKey: .fillRate)
        try c.encode(limitUpRejected, forKey: .limitUpRejected)
        try c.encode(auctionFailed, forKey: .auctionFailed)
        try c.encodeFinite(var95, forKey: .var95)
        try c.encodeFinite(alpha, forKey: .alpha)
        try c.encodeFinite(beta, forKey: .beta)
        try c.encodeFinite(informationRatio, forKey: .informationRatio)
        try c.encodeFinite(excessReturn, forKey: .excessReturn)
        try c.encodeFinite(benchmarkReturn, forKey: .benchmarkReturn)
        try c.encodeFinite(benchmarkAnnualReturn, forKey: .benchmarkAnnualReturn)
        try c.encode(limitDownRejected, forKey: .limitDownRejected)
        try c.encode(noCashRejected, forKey: .noCashRejected)
        try c.encode(maxPositionRejected, forKey: .maxPositionRejected)
        try c.encode(suspendedRejected, forKey: .suspendedRejected)
        try c.encode(totalOrders, forKey: .totalOrders)
        try c.encode(filledOrders, forKey: .filledOrders)
    }
}
