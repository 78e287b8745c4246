import HuiceCore
import Analysis

/// The plain-text summary `huice backtest` and `huice demo` print: headline metrics, trade and
/// order statistics, rejections by reason, risk events.
public enum SummaryReport {
    public static func render(_ result: BacktestResult) -> String {
        let m = result.metrics
        var lines: [String] = []
        lines.append("Backtest \(result.backtestID)  \(result.backtestName)")
        lines.append("Period \(result.startDate.isoString) … \(result.endDate.isoString), \(result.data.sessions) sessions, "
            + "\(result.data.instruments) instruments, market \(result.config.market.rawValue), strategy \(result.config.strategy.typeName)")
        lines.append("")
        var rows: [(String, String)] = [
            ("Initial cash", money(result.initialCash)),
            ("Final value", money(result.finalValue)),
            ("Total return", percent(m.totalReturn)),
            ("Annual return", percent(m.annualReturn)),
            ("Max drawdown", percent(m.maxDrawdown)),
            ("Volatility (annual)", percent(m.volatility)),
            ("Sharpe", ratio(m.sharpeRatio)),
            ("Sortino", ratio(m.sortinoRatio)),
            ("Calmar", ratio(m.calmarRatio)),
            ("VaR 95% (daily)", percent(m.var95)),
        ]
        if let code = result.benchmarkCode {
            rows += [
                ("Benchmark", code),
                ("Benchmark return", percent(m.benchmarkReturn)),
                ("Excess return", percent(m.excessReturn)),
                ("Alpha (annual)", percent(m.alpha)),
                ("Beta", ratio(m.beta)),
                ("Information ratio", ratio(m.informationRatio)),
            ]
        }
        rows += [
            ("Round trips", "\(m.totalTrades)"),
            ("Win rate", percent(m.winRate)),
            ("Profit factor", ratio(m.profitFactor)),
            ("Avg / max win", "\(yuan(m.avgWin)) / \(yuan(m.maxWin))"),
            ("Avg / max loss", "\(yuan(m.avgLoss)) / \(yuan(m.maxLoss))"),
            ("Orders (attempts)", "\(m.totalOrders), filled \(m.filledOrders), fill rate \(percent(m.fillRate))"),
        ]
        let rejected: [(String, Int)] = [
            ("limit_up_reject", m.limitUpRejected), ("limit_down_reject", m.limitDownRejected),
            ("auction_fail", m.auctionFailed), ("no_cash", m.noCashRejected), ("max_position", m.maxPositionRejected),
            ("suspended", m.suspendedRejected),
        ].filter { $0.1 > 0 }
        if !rejected.isEmpty {
            rows.append(("Rejections", rejected.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (label, value) in rows {
            lines.append("  " + label + String(repeating: " ", count: width - label.count) + "  " + value)
        }
        if !result.riskEvents.isEmpty {
            lines.append("")
            lines.append("Risk events")
            for event in result.riskEvents { lines.append("  \(event.tradeDate.isoString)  \(event.message)") }
        }
        if !result.notes.isEmpty {
            lines.append("")
            for note in result.notes { lines.append("Note: \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    static func money(_ value: Money) -> String {
        let negative = value.fen < 0
        let digits = String(value.fen.magnitude / 100)
        var grouped = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        let cents = value.fen.magnitude % 100
        return (negative ? "-" : "") + String(grouped.reversed()) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return fixed(value * 100, 2) + "%"
    }

    static func ratio(_ value: Double?) -> String { value.map { fixed($0, 3) } ?? "–" }

    static func yuan(_ value: Double?) -> String { value.map { fixed($0, 2) } ?? "–" }

    /// `value` with `digits` decimals, rounded half away from zero (no Foundation formatting, so
    /// the text is the same on every platform).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / Int64(scale)
        let fraction = String(magnitude % Int64(scale))
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return (negative ? "-" : "") + String(whole) + (digits > 0 ? "." + padded : "")
    }
}
