/// Indicators as the 通达信 (TDX) formula language defines them, for `IndicatorStyle.tdx`.
///
/// TDX's smoothers are seeded with the first value and so are defined from the first bar, unlike
/// TA-Lib's, which wait for a full window; each type's comment gives its TDX formula and the
/// conventions Huice picked where TDX's own behaviour is undefined (a division by zero).
public enum TDX {}
