import Charts
import Factors
import MarketData

/// An indicator the stock page can draw, chosen by `?ind=`. Each names its Factors specs and how
/// their columns become overlays or a panel; the maths is Factors' (`IndicatorCalculator`).
public enum ChartIndicator: String, Sendable, CaseIterable {
    case ma, boll, macd, rsi, kdj

    /// TDX style: what Chinese charting software shows, and defined from the first bar, so a
    /// zoomed-in chart has lines across its whole width.
    public static let style = IndicatorStyle.tdx

    /// The choices in `fields`: ticked boxes (`ind=ma&ind=macd`) or a list (`ind=ma,macd`);
    /// MA alone when the form has not been sent (no `ind` field at all). Unknown names are ignored.
    public static func selection(in fields: FormFields) -> [ChartIndicator] {
        guard fields.pairs.contains(where: { $0.name == "ind" }) else { return [.ma] }
        let names = Set(fields.list("ind").map { $0.lowercased() })
        return allCases.filter { names.contains($0.rawValue) }
    }

    var label: I18n.Key {
        switch self {
        case .ma: .indicatorMA
        case .boll: .indicatorBOLL
        case .macd: .indicatorMACD
        case .rsi: .indicatorRSI
        case .kdj: .indicatorKDJ
        }
    }

    var specs: [IndicatorSpec] {
        // Constant, valid specs: a parse failure here is a programming error, caught by any page test.
        switch self {
        case .ma: [try! IndicatorSpec(parsing: "sma:5"), try! IndicatorSpec(parsing: "sma:10"), try! IndicatorSpec(parsing: "sma:20")]
        case .boll: [try! IndicatorSpec(parsing: "boll:20:2")]
        case .macd: [try! IndicatorSpec(parsing: "macd:12:26:9")]
        case .rsi: [try! IndicatorSpec(parsing: "rsi:14")]
        case .kdj: [try! IndicatorSpec(parsing: "kdj:9:3:3")]
        }
    }

    /// Computes `indicators` over `series` and adds them to `input`: MA and BOLL as overlays,
    /// the others as panels, in `allCases` order.
    static func apply(_ indicators: [ChartIndicator], over series: BarSeries, to input: inout CandlestickChart.Input) {
        for indicator in indicators {
            let columns = series.withView { IndicatorCalculator.compute(indicator.specs, style: style, bars: $0) }
            switch indicator {
            case .ma:
                input.overlays += zip(["MA5", "MA10", "MA20"], columns).map { LineSeries(name: $0, values: $1[0]) }
            case .boll:
                let boll = columns[0]
                input.overlays += [LineSeries(name: "BOLL UB", values: boll[0]), LineSeries(name: "BOLL MID", values: boll[1]),
                                   LineSeries(name: "BOLL LB", values: boll[2])]
            case .macd:
                let macd = columns[0]
                input.panels.append(.macd(dif: macd[0], dea: macd[1], histogram: macd[2]))
            case .rsi:
                input.panels.append(.rsi(columns[0][0], name: "RSI14"))
            case .kdj:
                let kdj = columns[0]
                input.panels.append(.kdj(k: kdj[0], d: kdj[1], j: kdj[2]))
            }
        }
    }
}
