import Analysis
import HuiceCore

extension BacktestMetrics {
    /// Every metric under its JSON key with a Chinese label, in the JSON's order (seed 002 first).
    /// Ratios that read as percentages are `.fraction` (shown as 0.00% in the workbook); amounts
    /// are yuan rounded to the fen (the metrics hold them as Double means); an undefined metric
    /// (JSON `null`) is `.empty`.
    public var summaryItems: [ReportContent.SummaryItem] {
        func item(_ label: String, _ key: String, _ value: ReportValue) -> ReportContent.SummaryItem {
            .init(label: label, key: key, value: value)
        }
        func yuan(_ value: Double?) -> ReportValue {
            guard let value, value.isFinite else { return .empty }
            return .money(Money(roundingYuan: value))
        }
        return [
            item("总收益率", "total_return", .fraction(totalReturn)),
            item("年化收益率", "annual_return", .fraction(annualReturn)),
            item("最大回撤", "max_drawdown", .fraction(maxDrawdown)),
            item("年化波动率", "volatility", .fraction(volatility)),
            item("夏普比率", "sharpe_ratio", .number(sharpeRatio)),
            item("索提诺比率", "sortino_ratio", .number(sortinoRatio)),
            item("卡玛比率", "calmar_ratio", .number(calmarRatio)),
            item("完整交易次数", "total_trades", .integer(totalTrades)),
            item("胜率", "win_rate", .fraction(winRate)),
            item("盈利因子", "profit_factor", .number(profitFactor)),
            item("平均每笔盈亏", "avg_trade", yuan(avgTrade)),
            item("平均盈利", "avg_win", yuan(avgWin)),
            item("平均亏损", "avg_loss", yuan(avgLoss)),
            item("最大单笔盈利", "max_win", yuan(maxWin)),
            item("最大单笔亏损", "max_loss", yuan(maxLoss)),
            item("成交率", "fill_rate", .fraction(fillRate)),
            item("涨停被拒", "limit_up_rejected", .integer(limitUpRejected)),
            item("竞价未成交", "auction_failed", .integer(auctionFailed)),
            item("日收益95% VaR", "var_95", .fraction(var95)),
            item("阿尔法", "alpha", .fraction(alpha)),
            item("贝塔", "beta", .number(beta)),
            item("信息比率", "information_ratio", .number(informationRatio)),
            item("超额收益", "excess_return", .fraction(excessReturn)),
            item("基准收益率", "benchmark_return", .fraction(benchmarkReturn)),
            item("基准年化收益率", "benchmark_annual_return", .fraction(benchmarkAnnualReturn)),
            item("跌停被拒", "limit_down_rejected", .integer(limitDownRejected)),
            item("资金不足", "no_cash_rejected", .integer(noCashRejected)),
            item("超持仓上限", "max_position_rejected", .integer(maxPositionRejected)),
            item("停牌未成交", "suspended_rejected", .integer(suspendedRejected)),
            item("委托总数", "total_orders", .integer(totalOrders)),
            item("成交委托数", "filled_orders", .integer(filledOrders)),
        ]
    }
}
