import HuiceCore
import Reports

/// How the report pages write money, prices, reasons and config values: `DisplayNumber`'s
/// locale-independent digits, with the fixed-point amounts shown exactly.
enum ReportFormat {
    /// Yuan with grouped thousands and two decimals: `1,234,567.89`.
    static func money(_ value: Money) -> String { DisplayNumber.decimal(value.yuan) }

    /// Two decimals, or three for a price off the 0.01 tick (funds trade in 0.001).
    static func price(_ value: Price) -> String {
        DisplayNumber.decimal(value.doubleValue, digits: value.units % 100 == 0 ? 2 : 3)
    }

    /// An unsigned percentage: 0.0003 → `0.03%`; small rates (commission) keep four decimals.
    static func percent(_ ratio: Double) -> String {
        let digits = ratio != 0 && abs(ratio) < 0.001 ? 4 : 2
        return DisplayNumber.decimal(ratio * 100, digits: digits) + "%"
    }

    /// A `filled_reason` in the reader's language, followed by its code (what the CSV and the API say).
    static func reason(_ reason: FilledReason, _ t: I18n) -> Markup {
        "\(t[label(of: reason)]) <span class=\"muted code\">\(reason.rawValue)</span>"
    }

    static func label(of reason: FilledReason) -> I18n.Key {
        switch reason {
        case .filled: .reportReasonFilled
        case .limitUpReject: .reportReasonLimitUp
        case .limitDownReject: .reportReasonLimitDown
        case .auctionFail: .reportReasonAuctionFail
        case .noCash: .reportReasonNoCash
        case .maxPosition: .reportReasonMaxPosition
        case .suspended: .reportReasonSuspended
        case .volumeLimit: .reportReasonVolumeLimit
        case .limitNotReached: .reportReasonLimitNotReached
        case .riskHalt: .reportReasonRiskHalt
        case .noPosition: .reportReasonNoPosition
        case .lotSize: .reportReasonLotSize
        }
    }

    /// A config line's value: ratios as percentages, `—` for an absent one.
    static func value(_ value: TaskReport.ConfigItem.Value, _ t: I18n) -> String {
        switch value {
        case .label(let key): t[key]
        case .value(let value):
            switch value {
            case .empty: "—"
            case .text(let text): text
            case .integer(let number): DisplayNumber.grouped(number)
            case .money(let amount): money(amount)
            case .price(let amount): price(amount)
            case .number(let number): String(describing: number)
            case .fraction(let ratio): percent(ratio)
            case .date(let day): DisplayNumber.date(day)
            }
        }
    }
}
