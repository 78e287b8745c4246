import HuiceCore

/// Seed 002 §1.2 `BacktestSignal`: one stock's recommendation after a close. Only signal_date,
/// stock_code, final_score and recommendation are required; the rest travels into the trade records.
public struct BacktestSignal: Sendable, Equatable, Codable {
    public var signalID: String
    /// The trading day whose close produced the signal.
    public var signalDate: TradingDay
    public var stockCode: StockCode
    public var stockName: String?
    public var industryCode: String?
    public var finalScore: Double
    public var recommendation: Recommendation
    /// Suggested fraction of equity, 0–1; capped by max_position_pct. Default: max_position_pct.
    public var positionSize: Double?
    public var integrationMode: String?
    /// Limit price for `order_type: limit` buys.
    public var entry: Price?
    /// Per-signal stop and target prices: they replace stop_loss_pct / take_profit_pct.
    public var stop: Price?
    public var target: Price?
    public var riskRewardRatio: Double?
    public var mssScore: Double?
    public var irsScore: Double?
    public var pasScore: Double?
    public var direction: String?
    public var neutrality: Double?
    public var source: SignalSource?
    public var backtestState: BacktestState?

    public init(signalID: String? = nil, signalDate: TradingDay, stockCode: StockCode, finalScore: Double,
                recommendation: Recommendation, positionSize: Double? = nil, entry: Price? = nil,
                stop: Price? = nil, target: Price? = nil) {
        self.signalID = signalID ?? "SIG_\(signalDate)_\(stockCode)"
        self.signalDate = signalDate
        self.stockCode = stockCode
        self.finalScore = finalScore
        self.recommendation = recommendation
        self.positionSize = positionSize
        self.entry = entry
        self.stop = stop
        self.target = target
    }

    enum CodingKeys: String, CodingKey {
        case signalID = "signal_id", signalDate = "signal_date", stockCode = "stock_code", stockName = "stock_name"
        case industryCode = "industry_code", finalScore = "final_score", recommendation
        case positionSize = "position_size", integrationMode = "integration_mode", entry, stop, target
        case riskRewardRatio = "risk_reward_ratio", mssScore = "mss_score", irsScore = "irs_score"
        case pasScore = "pas_score", direction, neutrality, source, backtestState = "backtest_state"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        signalDate = try c.decode(TradingDay.self, forKey: .signalDate)
        stockCode = try c.decode(StockCode.self, forKey: .stockCode)
        finalScore = try c.decode(Double.self, forKey: .finalScore)
        let rec = try c.decode(String.self, forKey: .recommendation)
        guard let parsed = Recommendation(parsing: rec) else {
            throw DecodingError.dataCorruptedError(
                forKey: .recommendation, in: c,
                debugDescription: "'\(rec)' is not one of STRONG_BUY, BUY, HOLD, SELL, AVOID")
        }
        recommendation = parsed
        signalID = try c.decodeIfPresent(String.self, forKey: .signalID) ?? "SIG_\(signalDate)_\(stockCode)"
        stockName = try c.decodeIfPresent(String.self, forKey: .stockName)
        industryCode = try c.decodeIfPresent(String.self, forKey: .industryCode)
        positionSize = try c.decodeIfPresent(Double.self, forKey: .positionSize)
        integrationMode = try c.decodeIfPresent(String.self, forKey: .integrationMode)
        entry = try c.decodeIfPresent(Price.self, forKey: .entry)
        stop = try c.decodeIfPresent(Price.self, forKey: .stop)
        target = try c.decodeIfPresent(Price.self, forKey: .target)
        riskRewardRatio = try c.decodeIfPresent(Double.self, forKey: .riskRewardRatio)
        mssScore = try c.decodeIfPresent(Double.self, forKey: .mssScore)
        irsScore = try c.decodeIfPresent(Double.self, forKey: .irsScore)
        pasScore = try c.decodeIfPresent(Double.self, forKey: .pasScore)
        direction = try c.decodeIfPresent(String.self, forKey: .direction)
        neutrality = try c.decodeIfPresent(Double.self, forKey: .neutrality)
        source = try c.decodeIfPresent(SignalSource.self, forKey: .source)
        backtestState = try c.decodeIfPresent(BacktestState.self, forKey: .backtestState)
    }
}
