import Analysis

extension ReportColumn where Row == EquityPoint {
    /// The `EquityPoint` fields under their JSON keys: the session, the three fen amounts
    /// (`equity` = `cash` + `positions_value`, the holdings' market value), then the three ratios.
    public static var equity: [ReportColumn<EquityPoint>] {
        [
            .init("trade_date") { .date($0.tradeDate) },
            .init("cash") { .money($0.cash) },
            .init("positions_value") { .money($0.positionsValue) },
            .init("equity") { .money($0.equity) },
            .init("daily_return") { .fraction($0.dailyReturn) },
            .init("cumulative_return") { .fraction($0.cumulativeReturn) },
            .init("drawdown") { .fraction($0.drawdown) },
        ]
    }
}
