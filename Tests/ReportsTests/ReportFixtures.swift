import Analysis
import HuiceCore
import Reports

/// A hand-made report: one round trip in 600000.SH (buy 1,000 at 10.01, sell at 10.50) and two
/// sessions of equity. Fees are worked by hand: the sell's stamp tax is 0.05% of 10,500.00 = 5.25,
/// its transfer fee 0.001% of 10,500.00 = 0.105 → 0.11; pnl = 10,500.00 − 10.36 − (10,010.00 + 5.10)
/// = 474.54.
enum ReportFixtures {
    static func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }
    static let pufa = StockCode(symbol: "600000", exchange: .shanghai)

    static let buy = BacktestTrade(
        tradeID: "T000001", signalDate: day(20240102), executeDate: day(20240103),
        signalID: "SIG_20240102_600000.SH", stockCode: pufa, stockName: "浦发银行", direction: .buy,
        orderType: .auction, signalPrice: Price(units: 100_000), filledPrice: Price(units: 100_100),
        shares: 1000, orderShares: 1000, amount: Money(fen: 1_001_000), commission: Money(fen: 500),
        slippage: Money(fen: 1000), impactCostBps: 0, stampTax: .zero, transferFee: Money(fen: 10),
        totalFee: Money(fen: 510), status: .filled, fillProbability: 1, queueRatio: 1, liquidityTier: .l1,
        filledTime: "09:25:00", filledReason: .filled, signalScore: 0.85, signalSource: .integrated,
        recommendation: .buy)

    static let sell = BacktestTrade(
        tradeID: "T000002", signalDate: day(20240109), executeDate: day(20240110),
        signalID: "SIG_20240109_600000.SH", stockCode: pufa, stockName: "浦发银行", direction: .sell,
        orderType: .auction, signalPrice: Price(units: 105_200), filledPrice: Price(units: 105_000),
        shares: 1000, orderShares: 1000, amount: Money(fen: 1_050_000), commission: Money(fen: 500),
        slippage: Money(fen: 1000), impactCostBps: 2.5, stampTax: Money(fen: 525), transferFee: Money(fen: 11),
        totalFee: Money(fen: 1036), status: .filled, fillProbability: 0.8, queueRatio: 0.6, liquidityTier: .l2,
        filledTime: "09:25:00", filledReason: .filled, pnl: Money(fen: 47_454), pnlPct: 0.0474, holdDays: 5,
        signalSource: .integrated, recommendation: .sell, exitReason: .signal)

    /// 2024-01-03 after the buy: cash 100,000.00 − 10,010.00 − 5.10 = 89,984.90; 1,000 shares at
    /// the 10.02 close = 10,020.00; equity 100,004.90, a return of 4.90 / 100,000 = 0.000049.
    static let equityCurve = [
        EquityPoint(tradeDate: day(20240102), equity: Money(fen: 10_000_000), cash: Money(fen: 10_000_000),
                    positionsValue: .zero, dailyReturn: 0, cumulativeReturn: 0, drawdown: 0),
        EquityPoint(tradeDate: day(20240103), equity: Money(fen: 10_000_490), cash: Money(fen: 8_998_490),
                    positionsValue: Money(fen: 1_002_000), dailyReturn: 0.000049, cumulativeReturn: 0.000049,
                    drawdown: 0),
    ]

    static var metrics: BacktestMetrics {
        var metrics = BacktestMetrics()
        metrics.totalReturn = 0.0046
        metrics.maxDrawdown = -0.0012
        metrics.sharpeRatio = 1.25
        metrics.totalTrades = 1
        metrics.avgTrade = 474.54
        metrics.totalOrders = 2
        metrics.filledOrders = 2
        return metrics
    }

    static let riskEvent = RiskEvent(kind: .dailyLoss, tradeDate: day(20240105), value: 0.031, limit: 0.03,
                                     equity: Money(fen: 9_690_000), liquidationDate: day(20240108),
                                     message: "daily loss 3.10% ≥ 3.00%")

    static var content: ReportContent {
        ReportContent(
            title: "浦发银行 <signals> & more",
            configSummary: [
                .init(label: "开始日期", key: "start_date", value: .date(day(20240102))),
                .init(label: "初始资金", key: "initial_cash", value: .money(Money(fen: 10_000_000))),
                .init(label: "期末权益", key: "final_value", value: .money(Money(fen: 123_450))),
            ],
            metrics: metrics, trades: [buy, sell], equityCurve: equityCurve, riskEvents: [riskEvent])
    }
}
