import HuiceCore
import MarketData

/// The value of a bar-derived factor on every bar, from the indicator kernels
/// (`IndicatorCalculator`), so a factor and the indicator a user charts agree to the bit.
/// Prices relate to the close where a raw indicator would depend on the price level (MACD, ATR),
/// so the values of one stock stay comparable across its history.
enum TechnicalFactorValues {
    /// One value per bar of `bars`, NaN where the indicator is not yet defined. `factor` must be
    /// recomputable from bars (`definition.source.recomputableFromBars`).
    static func compute(_ factor: WeightedFactor, bars: BarSeriesView, style: IndicatorStyle) -> [Double] {
        let n = bars.count
        var closes = [Double](repeating: .nan, count: n)
        closes.withUnsafeMutableBufferPointer { bars.closeValues(into: $0) }
        func output(_ spec: String, _ column: String) -> [Double] {
            // The specs are built here from validated parameters, so parsing cannot fail.
            let parsed = try! IndicatorSpec(parsing: spec)
            let columns = IndicatorCalculator.compute(parsed, style: style, bars: bars)
            guard let index = parsed.outputNames.firstIndex(of: column) else {
                preconditionFailure("indicator \(spec) has no output \(column) (has \(parsed.outputNames))")
            }
            return columns[index]
        }
        func relative(_ values: [Double], _ transform: (Double, Double) -> Double) -> [Double] {
            (0..<n).map { transform(values[$0], closes[$0]) }
        }
        let p = factor.window("period")
        switch factor.name {
        case "ma":
            return relative(output("sma:\(p)", "sma_\(p)")) { average, close in close / average - 1 }
        case "ema":
            return relative(output("ema:\(p)", "ema_\(p)")) { average, close in close / average - 1 }
        case "rsi":
            return output("rsi:\(p)", "rsi_\(p)")
        case "macd":
            let spec = "macd:\(factor.window("fast")):\(factor.window("slow")):\(factor.window("signal"))"
            return relative(output(spec, "macd_hist")) { hist, close in hist / close }
        case "bollinger_bands":
            let k = factor.parameters["k"] ?? 2
            let kText = k == k.rounded() ? String(Int(k)) : String(k)
            return output("boll:\(p):\(kText)", "boll_pctb")
        case "kdj":
            return output("kdj:\(factor.window("n")):\(factor.window("m1")):\(factor.window("m2"))", "kdj_j")
        case "momentum":
            return output("roc:\(p)", "roc_\(p)").map { $0 / 100 }
        case "volatility":
            return output("vol:\(p)", "volatility_\(p)")
        case "atr":
            return relative(output("atr:\(p)", "atr_\(p)")) { atr, close in atr / close }
        case "volume_ratio":
            return output("vr:\(p)", "volume_ratio_\(p)")
        default:
            preconditionFailure("\(factor.name) is not computed from bars")
        }
    }
}
