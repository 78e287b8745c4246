import HuiceCore

/// How an axis or a tooltip prints a value: plain numbers, percentages (0.05 → "5%") or money
/// with thousands separators (1234567 → "1,234,567").
public enum ValueFormat: String, Sendable, Codable {
    case number
    case percent
    case money

    /// `value` with as many decimals as `step` (the tick spacing) needs: step 20 → none,
    /// step 0.5 → one. Percent multiplies by 100 first, so the step 0.05 prints "5%".
    public func string(_ value: Double, step: Double) -> String {
        switch self {
        case .number:
            return ValueFormat.fixed(value, decimals: ValueFormat.decimals(for: step), grouped: false)
        case .percent:
            return ValueFormat.fixed(value * 100, decimals: ValueFormat.decimals(for: step * 100), grouped: false) + "%"
        case .money:
            return ValueFormat.fixed(value, decimals: ValueFormat.decimals(for: step), grouped: true)
        }
    }

    /// Decimals a step needs to show distinct ticks: 1 or more → 0, 0.5 → 1, 0.02 → 2 (at most 4).
    static func decimals(for step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var decimals = 0, scaled = step
        while decimals < 4 && (scaled - scaled.rounded()).magnitude > 1e-9 * max(1, scaled) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// Fixed-point text by integer arithmetic (deterministic, no locale): 1234.5 with 2 decimals
    /// and grouping → "1,234.50".
    public static func fixed(_ value: Double, decimals: Int, grouped: Bool) -> String {
        guard value.isFinite else { return "–" }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * Double(scale)).rounded())
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        var whole = String(magnitude / UInt64(scale))
        if grouped && whole.count > 3 {
            var groupedText = ""
            for (i, ch) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { groupedText += "," }
                groupedText.append(ch)
            }
            whole = groupedText
        }
        var text = (negative ? "-" : "") + whole
        if decimals > 0 {
            let fraction = String(magnitude % UInt64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// A date label: `yyyy-mm` when the chart spans more than about half a year, else `yyyy-mm-dd`.
    public static func date(_ day: TradingDay, monthly: Bool) -> String {
        let iso = day.isoString
        return monthly ? String(iso.prefix(7)) : iso
    }

    /// Whether dates over `first...last` are labelled by month (spans over 183 days).
    public static func labelsByMonth(from first: TradingDay, to last: TradingDay) -> Bool {
        last.daysSinceEpoch - first.daysSinceEpoch > 183
    }
}
