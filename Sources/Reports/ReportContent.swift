import Analysis
import HuiceCore

/// Everything one backtest report exports, as plain values: the module sees neither Runtime nor
/// Service, so a CLI result (`BacktestResult`) and a stored task result (`TaskResults`) are both
/// mapped to this by their owners.
public struct ReportContent: Sendable {
    /// One labelled line of the summary: a Chinese label for readers, the English key the JSON
    /// uses, and the typed value.
    public struct SummaryItem: Sendable, Equatable {
        public var label: String
        public var key: String
        public var value: ReportValue

        public init(label: String, key: String, value: ReportValue) {
            self.label = label
            self.key = key
            self.value = value
        }
    }

    public var title: String
    /// The run's settings worth showing beside the metrics (dates, initial cash, final value, …),
    /// in the order given.
    public var configSummary: [SummaryItem]
    public var metrics: BacktestMetrics
    public var trades: [BacktestTrade]
    public var equityCurve: [EquityPoint]
    public var riskEvents: [RiskEvent]

    public init(title: String, configSummary: [SummaryItem] = [], metrics: BacktestMetrics,
                trades: [BacktestTrade] = [], equityCurve: [EquityPoint] = [], riskEvents: [RiskEvent] = []) {
        self.title = title
        self.configSummary = configSummary
        self.metrics = metrics
        self.trades = trades
        self.equityCurve = equityCurve
        self.riskEvents = riskEvents
    }

    /// The summary sheet's lines: title, the config summary, then every metric
    /// (`BacktestMetrics+SummaryItems.swift`) and the number of risk events.
    public var summaryItems: [SummaryItem] {
        [SummaryItem(label: "报告", key: "title", value: .text(title))]
            + configSummary
            + metrics.summaryItems
            + [SummaryItem(label: "风险事件数", key: "risk_events", value: .integer(riskEvents.count))]
    }
}
