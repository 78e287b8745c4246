import HuiceCore

extension ReportColumn where Row == RiskEvent {
    /// The `RiskEvent` fields under their JSON keys.
    public static var riskEvents: [ReportColumn<RiskEvent>] {
        [
            .init("type") { .text($0.kind.rawValue) },
            .init("trade_date") { .date($0.tradeDate) },
            .init("value") { .fraction($0.value) },
            .init("limit") { .fraction($0.limit) },
            .init("equity") { .money($0.equity) },
            .init("liquidation_date") { .date($0.liquidationDate) },
            .init("message") { .text($0.message) },
        ]
    }
}
