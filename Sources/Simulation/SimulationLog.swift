import HuiceCore

/// The event log of a run, which is its result: every order attempt, the account at every close,
/// and every risk event. Metrics are derived from it afterwards (Analysis).
public struct SimulationLog: Sendable, Equatable {
    public internal(set) var trades: [BacktestTrade] = []
    public internal(set) var ledger: EquityLedger
    public internal(set) var riskEvents: [RiskEvent] = []

    init(expectedSessions: Int) {
        ledger = EquityLedger(capacity: expectedSessions)
    }

    /// The next trade id: `T000001`, … in record order.
    func nextTradeID() -> String {
        let n = String(trades.count + 1)
        return "T" + String(repeating: "0", count: max(0, 6 - n.count)) + n
    }
}
