import HuiceCore

/// The event log of a run, which is its result: every order attempt, the account at every close,
/// and every risk event. Trade records and metrics are derived from it afterwards.
public struct SimulationLog: Sendable {
    public var events: Column<OrderEvent>
    /// Order tags by index; index 0 is the empty tag.
    public var tags: [OrderTag]
    public var ledger: EquityLedger
    public var riskEvents: [RiskEvent]
    /// The run's instruments and sessions, to name codes and dates.
    public let instruments: [Instrument]
    public let sessions: [BarTime]

    /// Every event as a seed 002 `BacktestTrade`, trade ids `T000001`… in event order.
    public var trades: [BacktestTrade] { events.indices.map(trade(at:)) }

    public func trade(at index: Int) -> BacktestTrade {
        let e = events[index]
        let info = instruments[e.instrument]
        let tag = tags[e.tagIndex]
        let filledTime: String
        switch e.fillTime {
        case .none: filledTime = ""
        case .openingAuction: filledTime = "09:25:00"
        case .continuous: filledTime = "09:30:00"
        case .barTime: filledTime = sessions[e.executeSession].timeString
        }
        let n = String(index + 1)
        return BacktestTrade(
            tradeID: "T" + String(repeating: "0", count: max(0, 6 - n.count)) + n,
            signalDate: sessions[e.decisionSession].day,
            executeDate: sessions[min(e.executeSession, sessions.count - 1)].day,
            signalID: tag.signalID, stockCode: info.code, stockName: info.name, direction: e.side,
            orderType: e.orderType, signalPrice: e.signalPrice, filledPrice: e.filledPrice, shares: e.shares,
            orderShares: e.orderShares, amount: e.amount, commission: e.fees.commission, slippage: e.slippage,
            impactCostBps: e.impactBps, stampTax: e.fees.stampTax, transferFee: e.fees.transferFee,
            totalFee: e.fees.total, status: e.status, fillProbability: e.fillProbability, queueRatio: e.queueRatio,
            liquidityTier: e.tier, backtestState: tag.backtestState, filledTime: filledTime, filledReason: e.reason,
            pnl: e.pnl, pnlPct: e.pnlPct, holdDays: e.holdDays, signalScore: tag.score, signalSource: tag.source,
            integrationMode: tag.integrationMode, recommendation: tag.recommendation, exitReason: e.exitReason)
    }
}

extension SimulationLog: Equatable {
    public static func == (lhs: SimulationLog, rhs: SimulationLog) -> Bool {
        lhs.events == rhs.events && lhs.tags == rhs.tags && lhs.ledger == rhs.ledger && lhs.riskEvents == rhs.riskEvents
    }
}
