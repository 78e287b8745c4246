import HuiceCore

extension ReportColumn where Row == BacktestTrade {
    /// Every `BacktestTrade` field under its JSON key: the seed 002 fields first in the seed's
    /// order (ids, dates, instrument, prices, quantities, fees, outcome, pnl, signal score), then
    /// the remaining fields of the JSON record.
    public static var trades: [ReportColumn<BacktestTrade>] {
        [
            .init("trade_id") { .text($0.tradeID) },
            .init("signal_date") { .date($0.signalDate) },
            .init("execute_date") { .date($0.executeDate) },
            .init("stock_code") { .text($0.stockCode.description) },
            .init("stock_name") { .text($0.stockName) },
            .init("direction") { .text($0.direction.rawValue) },
            .init("order_type") { .text($0.orderType.rawValue) },
            .init("signal_price") { .price($0.signalPrice) },
            .init("filled_price") { .price($0.filledPrice) },
            .init("shares") { .integer($0.shares) },
            .init("amount") { .money($0.amount) },
            .init("commission") { .money($0.commission) },
            .init("stamp_tax") { .money($0.stampTax) },
            .init("transfer_fee") { .money($0.transferFee) },
            .init("slippage") { .money($0.slippage) },
            .init("total_fee") { .money($0.totalFee) },
            .init("status") { .text($0.status.rawValue) },
            .init("filled_reason") { .text($0.filledReason.rawValue) },
            .init("pnl") { .money($0.pnl) },
            .init("pnl_pct") { .fraction($0.pnlPct) },
            .init("hold_days") { .integer($0.holdDays) },
            .init("signal_score") { .number($0.signalScore) },
            .init("signal_id") { .text($0.signalID) },
            .init("order_shares") { .integer($0.orderShares) },
            .init("impact_cost_bps") { .number($0.impactCostBps) },
            .init("fill_probability") { .number($0.fillProbability) },
            .init("queue_ratio") { .number($0.queueRatio) },
            .init("liquidity_tier") { .text($0.liquidityTier?.rawValue) },
            .init("backtest_state") { .text($0.backtestState.rawValue) },
            .init("filled_time") { .text($0.filledTime) },
            .init("signal_source") { .text($0.signalSource?.rawValue) },
            .init("integration_mode") { .text($0.integrationMode) },
            .init("recommendation") { .text($0.recommendation?.rawValue) },
            .init("exit_reason") { .text($0.exitReason?.rawValue) },
        ]
    }
}
