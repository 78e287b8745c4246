import HuiceCore

/// Numbers as pages show them, independent of the server's locale (the page's language decides
/// the words, not the digits): thousands separators, fixed decimals, signed percentages.
public enum DisplayNumber {
    /// 1234567 → `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// `value` rounded half away from zero to `digits` decimals, with grouped thousands: 12345.678 → `12,345.68`.
    public static func decimal(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        // Integer units after rounding, so the split into whole and fraction is exact.
        let units = Int((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let whole = units / scale, fraction = units % scale
        var text = grouped(whole)
        if digits > 0 {
            let padded = String(fraction)
            text += "." + String(repeating: "0", count: max(0, digits - padded.count)) + padded
        }
        return value < 0 && units > 0 ? "-" + text : text
    }

    /// A ratio as a signed percentage: 0.0123 → `+1.23%`, -0.05 → `-5.00%`, 0 → `0.00%`.
    public static func signedPercent(_ ratio: Double, digits: Int = 2) -> String {
        let text = decimal(ratio * 100, digits: digits) + "%"
        return ratio > 0 && text != decimal(0, digits: digits) + "%" ? "+" + text : text
    }

    /// The CSS class of a change: `up`, `down` or `flat` (the page's colour convention colours them).
    public static func changeClass(_ change: Double) -> String {
        change > 0 ? "up" : (change < 0 ? "down" : "flat")
    }

    /// `yyyy-mm-dd`.
    public static func date(_ day: TradingDay) -> String { day.isoString }
}
