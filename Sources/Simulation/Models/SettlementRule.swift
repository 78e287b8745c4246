import MarketData

/// When bought shares may be sold.
public protocol SettlementRule: Sendable {
    /// The first session in which shares bought in `session` may be sold.
    func firstSellableSession(boughtIn session: Int, panel: MarketPanel) -> Int
}

/// T+1 (A-shares): shares bought on day D can be sold from the next trading day.
public struct NextDaySettlement: SettlementRule {
    public init() {}
    public func firstSellableSession(boughtIn session: Int, panel: MarketPanel) -> Int {
        panel.firstSessionOfNextDay(after: session)
    }
}

/// T+0 (the generic profile): shares may be sold in the session after the buy's.
public struct SameDaySettlement: SettlementRule {
    public init() {}
    public func firstSellableSession(boughtIn session: Int, panel: MarketPanel) -> Int { session + 1 }
}
