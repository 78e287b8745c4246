import Reports
import Runtime

extension BacktestResult {
    /// The result as the exports see it: Reports takes plain values and cannot see Runtime, so the
    /// mapping lives with the command that has both.
    var reportContent: ReportContent {
        var summary: [ReportContent.SummaryItem] = [
            .init(label: "回测编号", key: "backtest_id", value: .text(backtestID)),
            .init(label: "回测名称", key: "backtest_name", value: .text(backtestName)),
            .init(label: "引擎类型", key: "engine_type", value: .text(engineType)),
            .init(label: "开始日期", key: "start_date", value: .date(startDate)),
            .init(label: "结束日期", key: "end_date", value: .date(endDate)),
            .init(label: "初始资金", key: "initial_cash", value: .money(initialCash)),
            .init(label: "期末权益", key: "final_value", value: .money(finalValue)),
        ]
        if let benchmarkCode {
            summary.append(.init(label: "基准", key: "benchmark_code", value: .text(benchmarkCode)))
        }
        return ReportContent(title: backtestName.isEmpty ? backtestID : backtestName, configSummary: summary,
                             metrics: metrics, trades: trades, equityCurve: equityCurve, riskEvents: riskEvents)
    }
}
