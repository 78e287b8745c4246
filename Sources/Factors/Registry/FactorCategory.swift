/// The four kinds of factor seed 000 names (§0.2): where a factor's values come from.
public enum FactorCategory: String, Sendable, Codable, CaseIterable, Hashable {
    /// Computed from the stock's own bars (RSI, MACD, …).
    case technical
    /// From financial statements and valuation tables (PE, ROE, …), visible from their announcement.
    case fundamental
    /// Size, turnover and liquidity (market value, turnover rate, volume ratio, float shares).
    case market
    /// Scores derived from news and posts (news_sentiment).
    case sentiment
}
