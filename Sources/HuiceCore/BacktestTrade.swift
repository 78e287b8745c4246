/// One order attempt and its outcome: seed 002 §1.3 `BacktestTrade`, field for field, plus
/// `order_shares` and `exit_reason`. Every attempt is a record: a sell retried on 18 days leaves 18
/// rejected records and one filled one.
public struct BacktestTrade: Sendable, Equatable, Codable {
    public var tradeID: String
    /// The day the decision was made (after its close).
    public var signalDate: TradingDay
    /// The day the order was (or would have been) executed.
    public var executeDate: TradingDay
    public var signalID: String
    public var stockCode: StockCode
    public var stockName: String
    public var direction: OrderSide
    public var orderType: OrderType

    /// The decision day's close (or the signal's entry price for limit buys).
    public var signalPrice: Price
    /// Zero when nothing filled.
    public var filledPrice: Price

    /// Shares filled (0 when rejected).
    public var shares: Int
    /// Shares the order asked for on this attempt.
    public var orderShares: Int
    /// shares × filled_price, to the fen.
    public var amount: Money

    public var commission: Money
    /// Cost of slippage against the reference price (open or limit), in yuan.
    public var slippage: Money
    public var impactCostBps: Double
    public var stampTax: Money
    public var transferFee: Money
    public var totalFee: Money

    public var status: TradeStatus
    public var fillProbability: Double
    public var queueRatio: Double
    public var liquidityTier: LiquidityTier?
    public var backtestState: BacktestState
    /// `09:25:00` for an opening-auction fill; the bar's time for intraday bars; empty when unfilled.
    public var filledTime: String
    public var filledReason: FilledReason

    /// On sells: sell amount − sell fees − the sold shares' share of (buy amount + buy fees).
    public var pnl: Money?
    /// pnl / the sold shares' share of (buy amount + buy fees).
    public var pnlPct: Double?
    /// Trading days between the buy's and this sell's execute dates.
    public var holdDays: Int?

    public var signalScore: Double?
    public var signalSource: SignalSource?
    public var integrationMode: String?
    public var recommendation: Recommendation?
    /// Why the position was closed, on sells.
    public var exitReason: ExitReason?

    public init(
        tradeID: String, signalDate: TradingDay, executeDate: TradingDay, signalID: String = "",
        stockCode: StockCode, stockName: String = "", direction: OrderSide, orderType: OrderType,
        signalPrice: Price, filledPrice: Price = .zero, shares: Int = 0, orderShares: Int = 0,
        amount: Money = .zero, commission: Money = .zero, slippage: Money = .zero, impactCostBps: Double = 0,
        stampTax: Money = .zero, transferFee: Money = .zero, totalFee: Money = .zero,
        status: TradeStatus, fillProbability: Double = 1, queueRatio: Double = 1,
        liquidityTier: LiquidityTier? = nil, backtestState: BacktestState = .normal, filledTime: String = "",
        filledReason: FilledReason, pnl: Money? = nil, pnlPct: Double? = nil, holdDays: Int? = nil,
        signalScore: Double? = nil, signalSource: SignalSource? = nil, integrationMode: String? = nil,
        recommendation: Recommendation? = nil, exitReason: ExitReason? = nil
    ) {
        self.tradeID = tradeID; self.signalDate = signalDate; self.executeDate = executeDate
        self.signalID = signalID; self.stockCode = stockCode; self.stockName = stockName
        self.direction = direction; self.orderType = orderType; self.signalPrice = signalPrice
        self.filledPrice = filledPrice; self.shares = shares; self.orderShares = orderShares
        self.amount = amount; self.commission = commission; self.slippage = slippage
        self.impactCostBps = impactCostBps; self.stampTax = stampTax; self.transferFee = transferFee
        self.totalFee = totalFee; self.status = status; self.fillProbability = fillProbability
        self.queueRatio = queueRatio; self.liquidityTier = liquidityTier; self.backtestState = backtestState
        self.filledTime = filledTime; self.filledReason = filledReason; self.pnl = pnl; self.pnlPct = pnlPct
        self.holdDays = holdDays; self.signalScore = signalScore; self.signalSource = signalSource
        self.integrationMode = integrationMode; self.recommendation = recommendation; self.exitReason = exitReason
    }

    /// Whether any shares changed hands.
    public var isFill: Bool { shares > 0 }

    enum CodingKeys: String, CodingKey {
        case tradeID = "trade_id"
        case signalDate = "signal_date"
        case executeDate = "execute_date"
        case signalID = "signal_id"
        case stockCode = "stock_code"
        case stockName = "stock_name"
        case direction
        case orderType = "order_type"
        case signalPrice = "signal_price"
        case filledPrice = "filled_price"
        case shares
        case orderShares = "order_shares"
        case amount
        case commission
        case slippage
        case impactCostBps = "impact_cost_bps"
        case stampTax = "stamp_tax"
        case transferFee = "transfer_fee"
        case totalFee = "total_fee"
        case status
        case fillProbability = "fill_probability"
        case queueRatio = "queue_ratio"
        case liquidityTier = "liquidity_tier"
        case backtestState = "backtest_state"
        case filledTime = "filled_time"
        case filledReason = "filled_reason"
        case pnl
        case pnlPct = "pnl_pct"
        case holdDays = "hold_days"
        case signalScore = "signal_score"
        case signalSource = "signal_source"
        case integrationMode = "integration_mode"
        case recommendation
        case exitReason = "exit_reason"
    }

    /// Encodes every key, with `null` for absent optionals, so each record has the same columns.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tradeID, forKey: .tradeID)
        try c.encode(signalDate, forKey: .signalDate)
        try c.encode(executeDate, forKey: .executeDate)
        try c.encode(signalID, forKey: .signalID)
        try c.encode(stockCode, forKey: .stockCode)
        try c.encode(stockName, forKey: .stockName)
        try c.encode(direction, forKey: .direction)
        try c.encode(orderType, forKey: .orderType)
        try c.encode(signalPrice, forKey: .signalPrice)
        try c.encode(filledPrice, forKey: .filledPrice)
        try c.encode(shares, forKey: .shares)
        try c.encode(orderShares, forKey: .orderShares)
        try c.encode(amount, forKey: .amount)
        try c.encode(commission, forKey: .commission)
        try c.encode(slippage, forKey: .slippage)
        try c.encode(impactCostBps, forKey: .impactCostBps)
        try c.encode(stampTax, forKey: .stampTax)
        try c.encode(transferFee, forKey: .transferFee)
        try c.encode(totalFee, forKey: .totalFee)
        try c.encode(status, forKey: .status)
        try c.encode(fillProbability, forKey: .fillProbability)
        try c.encode(queueRatio, forKey: .queueRatio)
        try c.encode(liquidityTier, forKey: .liquidityTier)
        try c.encode(backtestState, forKey: .backtestState)
        try c.encode(filledTime, forKey: .filledTime)
        try c.encode(filledReason, forKey: .filledReason)
        try c.encode(pnl, forKey: .pnl)
        try c.encode(pnlPct, forKey: .pnlPct)
        try c.encode(holdDays, forKey: .holdDays)
        try c.encode(signalScore, forKey: .signalScore)
        try c.encode(signalSource, forKey: .signalSource)
        try c.encode(integrationMode, forKey: .integrationMode)
        try c.encode(recommendation, forKey: .recommendation)
        try c.encode(exitReason, forKey: .exitReason)
    }
}
