/// A spec resolved against a style to the concrete streaming state that computes it. The
/// vectorized path (`IndicatorCalculator`) runs the state's kernel; the streaming path
/// (`IndicatorStream`) calls its `update`; both are the same code, so both give the same bits.
enum IndicatorKernel: Sendable {
    case sma(SMA)
    case ema(EMA)
    case tdxEMA(TDX.EMA)
    case wma(WMA)
    case rsi(RSI)
    case tdxRSI(TDX.RSI)
    case macd(MACD)
    case tdxMACD(TDX.MACD)
    case bollinger(BollingerBands)
    case tdxBollinger(TDX.BollingerBands)
    case stochastic(Stochastic)
    case kdj(KDJ)
    case tdxKDJ(TDX.KDJ)
    case atr(ATR)
    case tdxATR(TDX.ATR)
    case obv(OBV)
    case roc(ROC)
    case momentum(MOM)
    case volatility(RollingVolatility)
    case volumeRatio(VolumeRatio)
    /// Holds nothing: what `IndicatorStream` leaves in place while it mutates a state it took out,
    /// so the state's buffers stay uniquely referenced and are not copied.
    case vacant

    /// A fresh state for `spec` in `style`. Indicators both traditions define alike use the same
    /// state in either style (docs/INDICATORS.md).
    init(_ spec: IndicatorSpec, style: IndicatorStyle) {
        let tdx = style == .tdx
        switch spec.kind {
        case .sma(let n): self = .sma(SMA(period: n))
        case .ema(let n): self = tdx ? .tdxEMA(TDX.EMA(period: n)) : .ema(EMA(period: n))
        case .wma(let n): self = .wma(WMA(period: n))
        case .rsi(let n): self = tdx ? .tdxRSI(TDX.RSI(period: n)) : .rsi(RSI(period: n))
        case .macd(let f, let s, let g):
            self = tdx ? .tdxMACD(TDX.MACD(fast: f, slow: s, signal: g)) : .macd(MACD(fast: f, slow: s, signal: g))
        case .bollinger(let n, let k):
            self = tdx ? .tdxBollinger(TDX.BollingerBands(period: n, deviations: k))
                : .bollinger(BollingerBands(period: n, deviations: k))
        case .stochastic(let a, let b, let c): self = .stochastic(Stochastic(fastK: a, slowK: b, slowD: c))
        case .kdj(let n, let m1, let m2):
            self = tdx ? .tdxKDJ(TDX.KDJ(period: n, kSmoothing: m1, dSmoothing: m2))
                : .kdj(KDJ(period: n, kSmoothing: m1, dSmoothing: m2))
        case .atr(let n): self = tdx ? .tdxATR(TDX.ATR(period: n)) : .atr(ATR(period: n))
        case .obv: self = .obv(OBV())
        case .roc(let n): self = .roc(ROC(period: n))
        case .momentum(let n): self = .momentum(MOM(period: n))
        case .volatility(let n): self = .volatility(RollingVolatility(period: n))
        case .volumeRatio(let n): self = .volumeRatio(VolumeRatio(period: n))
        }
    }
}
