/// Any indicator spec in either style, updated bar by bar: what a live or event-driven caller
/// uses. Each update runs the very step function `IndicatorCalculator`'s vectorized kernels loop
/// over, so a stream fed bars 0…i gives at bar i the bits the calculator gives at row i.
///
/// For a single known indicator in a hot loop, use its state type directly (`EMA`, `TDX.KDJ`, …):
/// this wrapper switches on the indicator at every update.
public struct IndicatorStream: Sendable {
    public let spec: IndicatorSpec
    public let style: IndicatorStyle
    private var kernel: IndicatorKernel

    public init(_ spec: IndicatorSpec, style: IndicatorStyle) {
        self.spec = spec
        self.style = style
        kernel = IndicatorKernel(spec, style: style)
    }

    /// Takes the next bar and returns the outputs at it, in `spec.outputNames` order (`.nan`
    /// where not yet defined).
    public mutating func update(_ bar: IndicatorBar) -> IndicatorValues {
        // Each case takes its state out of `kernel` (leaving `.vacant`) before mutating it, so the
        // state's buffers are uniquely referenced and not copied, then puts it back.
        switch kernel {
        case .sma(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .sma(s)
            return IndicatorValues(v)
        case .ema(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .ema(s)
            return IndicatorValues(v)
        case .tdxEMA(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .tdxEMA(s)
            return IndicatorValues(v)
        case .wma(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .wma(s)
            return IndicatorValues(v)
        case .rsi(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .rsi(s)
            return IndicatorValues(v)
        case .tdxRSI(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .tdxRSI(s)
            return IndicatorValues(v)
        case .macd(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .macd(s)
            return IndicatorValues(v.dif, v.dea, v.hist)
        case .tdxMACD(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .tdxMACD(s)
            return IndicatorValues(v.dif, v.dea, v.hist)
        case .bollinger(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .bollinger(s)
            return IndicatorValues(v.upper, v.middle, v.lower, v.percentB, v.width)
        case .tdxBollinger(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .tdxBollinger(s)
            return IndicatorValues(v.upper, v.middle, v.lower, v.percentB, v.width)
        case .stochastic(var s):
            kernel = .vacant; let v = s.update(high: bar.high, low: bar.low, close: bar.close); kernel = .stochastic(s)
            return IndicatorValues(v.k, v.d)
        case .kdj(var s):
            kernel = .vacant; let v = s.update(high: bar.high, low: bar.low, close: bar.close); kernel = .kdj(s)
            return IndicatorValues(v.k, v.d, v.j)
        case .tdxKDJ(var s):
            kernel = .vacant; let v = s.update(high: bar.high, low: bar.low, close: bar.close); kernel = .tdxKDJ(s)
            return IndicatorValues(v.k, v.d, v.j)
        case .atr(var s):
            kernel = .vacant; let v = s.update(high: bar.high, low: bar.low, close: bar.close); kernel = .atr(s)
            return IndicatorValues(v)
        case .tdxATR(var s):
            kernel = .vacant; let v = s.update(high: bar.high, low: bar.low, close: bar.close); kernel = .tdxATR(s)
            return IndicatorValues(v)
        case .obv(var s):
            kernel = .vacant; let v = s.update(close: bar.close, volume: bar.volume); kernel = .obv(s)
            return IndicatorValues(v)
        case .roc(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .roc(s)
            return IndicatorValues(v)
        case .momentum(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .momentum(s)
            return IndicatorValues(v)
        case .volatility(var s):
            kernel = .vacant; let v = s.update(bar.close); kernel = .volatility(s)
            return IndicatorValues(v)
        case .volumeRatio(var s):
            kernel = .vacant; let v = s.update(bar.volume); kernel = .volumeRatio(s)
            return IndicatorValues(v)
        case .vacant:
            preconditionFailure("an indicator stream lost its state")
        }
    }
}
