import Analysis
import HuiceCore

/// The headline figures of a run, in the order the report's cards and the compare table show
/// them, each with its label and format. One list for both pages, so a compared run shows exactly
/// the figures its report leads with.
enum ReportMetric: String, CaseIterable, Sendable {
    case totalReturn = "total_return"
    case annualReturn = "annual_return"
    case benchmarkReturn = "benchmark_return"
    case excessReturn = "excess_return"
    case sharpeRatio = "sharpe_ratio"
    case sortinoRatio = "sortino_ratio"
    case calmarRatio = "calmar_ratio"
    case maxDrawdown = "max_drawdown"
    case volatility
    case winRate = "win_rate"
    case profitFactor = "profit_factor"
    case totalTrades = "total_trades"
    case fillRate = "fill_rate"
    case finalValue = "final_value"

    /// How a figure is written.
    enum Style {
        /// A signed percentage coloured by its sign (returns, drawdown).
        case change
        /// An unsigned percentage (volatility, rates).
        case percent
        /// A ratio with two decimals.
        case ratio
        case count
        /// Yuan with two decimals.
        case money
    }

    var label: I18n.Key {
        switch self {
        case .totalReturn: .reportTotalReturn
        case .annualReturn: .reportAnnualReturn
        case .benchmarkReturn: .reportBenchmarkReturn
        case .excessReturn: .reportExcessReturn
        case .sharpeRatio: .reportSharpe
        case .sortinoRatio: .reportSortino
        case .calmarRatio: .reportCalmar
        case .maxDrawdown: .reportMaxDrawdown
        case .volatility: .reportVolatility
        case .winRate: .reportWinRate
        case .profitFactor: .reportProfitFactor
        case .totalTrades: .reportRoundTrips
        case .fillRate: .reportFillRate
        case .finalValue: .reportFinalValue
        }
    }

    var style: Style {
        switch self {
        case .totalReturn, .annualReturn, .benchmarkReturn, .excessReturn, .maxDrawdown: .change
        case .volatility, .winRate, .fillRate: .percent
        case .sharpeRatio, .sortinoRatio, .calmarRatio, .profitFactor: .ratio
        case .totalTrades: .count
        case .finalValue: .money
        }
    }

    /// The figure of a run; nil where the metric is undefined for it (no benchmark, no round trips, …).
    func value(_ metrics: BacktestMetrics, finalValue: Money) -> Double? {
        switch self {
        case .totalReturn: metrics.totalReturn
        case .annualReturn: metrics.annualReturn
        case .benchmarkReturn: metrics.benchmarkReturn
        case .excessReturn: metrics.excessReturn
        case .sharpeRatio: metrics.sharpeRatio
        case .sortinoRatio: metrics.sortinoRatio
        case .calmarRatio: metrics.calmarRatio
        case .maxDrawdown: metrics.maxDrawdown
        case .volatility: metrics.volatility
        case .winRate: metrics.winRate
        case .profitFactor: metrics.profitFactor
        case .totalTrades: Double(metrics.totalTrades)
        case .fillRate: metrics.fillRate
        case .finalValue: finalValue.yuan
        }
    }

    /// The text and the CSS class (`up`/`down`/`flat` for changes, nil otherwise); an undefined
    /// figure is `—`.
    func display(_ metrics: BacktestMetrics, finalValue: Money) -> (text: String, cssClass: String?) {
        guard let value = value(metrics, finalValue: finalValue), value.isFinite else { return ("—", nil) }
        switch style {
        case .change: return (DisplayNumber.signedPercent(value), DisplayNumber.changeClass(value))
        case .percent: return (DisplayNumber.decimal(value * 100) + "%", nil)
        case .ratio: return (DisplayNumber.decimal(value), nil)
        case .count: return (DisplayNumber.grouped(metrics.totalTrades), nil)
        case .money: return (DisplayNumber.decimal(value), nil)
        }
    }

    /// `<dd>` content with its class: the figure as the cards and the compare cells write it.
    func cell(_ metrics: BacktestMetrics, finalValue: Money) -> Markup {
        let shown = display(metrics, finalValue: finalValue)
        guard let css = shown.cssClass else { return "\(shown.text)" }
        return "<span class=\"\(css)\">\(shown.text)</span>"
    }
}
