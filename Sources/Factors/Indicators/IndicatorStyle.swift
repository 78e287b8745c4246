/// Whose definitions an indicator follows where the two traditions disagree.
///
/// `talib` reproduces TA-Lib (the Python `talib` wrapper) value for value, including where it
/// leaves outputs undefined; `tdx` follows the 通达信 (TDX) formula language that Chinese users
/// chart with. Indicators that both define the same way (MA, WMA, ROC, MOM, OBV, STOCH, volatility,
/// volume ratio) give the same values in either style. docs/INDICATORS.md lists the differences.
public enum IndicatorStyle: String, Sendable, CaseIterable, Codable {
    case talib
    case tdx
}
