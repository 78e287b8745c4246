import HuiceCore
import MarketData

/// Computes indicator specs over a whole bar series in one pass per indicator (the vectorized
/// path). Each indicator's kernel is its streaming state's `update` in a loop over contiguous
/// buffers, so the result equals what `IndicatorStream` gives bar by bar, bit for bit.
public enum IndicatorCalculator {
    /// One array per output (in `spec.outputNames` order), each with one value per bar, NaN where
    /// undefined.
    public static func compute(_ spec: IndicatorSpec, style: IndicatorStyle, bars: BarSeriesView) -> [[Double]] {
        compute(spec, style: style, inputs: IndicatorInputs(bars))
    }

    /// The outputs of several specs over the same bars (the inputs are converted once), in the
    /// order of `specs`.
    public static func compute(_ specs: [IndicatorSpec], style: IndicatorStyle, bars: BarSeriesView) -> [[[Double]]] {
        let inputs = IndicatorInputs(bars)
        return specs.map { compute($0, style: style, inputs: inputs) }
    }

    static func compute(_ spec: IndicatorSpec, style: IndicatorStyle, inputs: IndicatorInputs) -> [[Double]] {
        let n = inputs.count
        let outputs = spec.outputNames.count
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.max(n * outputs, 1))
        defer { scratch.deallocate() }
        scratch.initialize(repeating: .nan)
        func column(_ j: Int) -> UnsafeMutableBufferPointer<Double> {
            UnsafeMutableBufferPointer(rebasing: scratch[(j * n)..<((j + 1) * n)])
        }
        let close = inputs.close, high = inputs.high, low = inputs.low, volume = inputs.volume
        switch IndicatorKernel(spec, style: style) {
        case .sma(let s): s.compute(close, into: column(0))
        case .ema(let s): s.compute(close, into: column(0))
        case .tdxEMA(let s): s.compute(close, into: column(0))
        case .wma(let s): s.compute(close, into: column(0))
        case .rsi(let s): s.compute(close, into: column(0))
        case .tdxRSI(let s): s.compute(close, into: column(0))
        case .macd(let s): s.compute(close, dif: column(0), dea: column(1), hist: column(2))
        case .tdxMACD(let s): s.compute(close, dif: column(0), dea: column(1), hist: column(2))
        case .bollinger(let s):
            s.compute(close, upper: column(0), middle: column(1), lower: column(2), percentB: column(3), width: column(4))
        case .tdxBollinger(let s):
            s.compute(close, upper: column(0), middle: column(1), lower: column(2), percentB: column(3), width: column(4))
        case .stochastic(let s): s.compute(high: high, low: low, close: close, k: column(0), d: column(1))
        case .kdj(let s): s.compute(high: high, low: low, close: close, k: column(0), d: column(1), j: column(2))
        case .tdxKDJ(let s): s.compute(high: high, low: low, close: close, k: column(0), d: column(1), j: column(2))
        case .atr(let s): s.compute(high: high, low: low, close: close, into: column(0))
        case .tdxATR(let s): s.compute(high: high, low: low, close: close, into: column(0))
        case .obv(let s): s.compute(close: close, volume: volume, into: column(0))
        case .roc(let s): s.compute(close, into: column(0))
        case .momentum(let s): s.compute(close, into: column(0))
        case .volatility(let s): s.compute(close, into: column(0))
        case .volumeRatio(let s): s.compute(volume, into: column(0))
        case .vacant: preconditionFailure("a fresh kernel is never vacant")
        }
        return (0..<outputs).map { Array(column($0)) }
    }
}

/// A bar series' inputs as contiguous `Double` columns (prices in yuan as `Price.doubleValue`,
/// volume in shares), converted once for all the indicators computed over it.
final class IndicatorInputs {
    let count: Int
    let high: UnsafeBufferPointer<Double>
    let low: UnsafeBufferPointer<Double>
    let close: UnsafeBufferPointer<Double>
    let volume: UnsafeBufferPointer<Double>
    private let storage: UnsafeMutableBufferPointer<Double>

    init(_ bars: BarSeriesView) {
        let n = bars.count
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.max(4 * n, 1))
        for i in 0..<n {
            buffer[i] = bars.high[i].doubleValue
            buffer[n + i] = bars.low[i].doubleValue
            buffer[2 * n + i] = bars.close[i].doubleValue
            buffer[3 * n + i] = Double(bars.volume[i])
        }
        func column(_ j: Int) -> UnsafeBufferPointer<Double> {
            UnsafeBufferPointer(rebasing: buffer[(j * n)..<((j + 1) * n)])
        }
        count = n
        storage = buffer
        high = column(0); low = column(1); close = column(2); volume = column(3)
    }

    deinit { storage.deallocate() }
}
