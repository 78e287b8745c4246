/// Every factor Huice knows, by name. The list is data, not a plugin system: adding a factor is
/// adding a definition here plus, for a technical factor, its computation in `TechnicalFactorValues`.
public enum FactorRegistry {
    /// All definitions, technical first, then fundamental, market, sentiment.
    public static let all: [FactorDefinition] = technical + fundamental + market + sentiment

    /// The definition named `name` or one of its aliases (case-insensitive), or nil.
    public static func definition(named name: String) -> FactorDefinition? {
        let key = name.lowercased()
        return byName[key]
    }

    /// Canonical names of the factors in `category`.
    public static func names(in category: FactorCategory) -> [String] {
        all.filter { $0.category == category }.map(\.name)
    }

    private static let byName: [String: FactorDefinition] = {
        var map: [String: FactorDefinition] = [:]
        for definition in all {
            for key in [definition.name] + definition.aliases { map[key.lowercased()] = definition }
        }
        return map
    }()

    private static func period(_ value: Double, _ range: ClosedRange<Double> = 2...500, _ summary: String = "look-back window in trading days") -> FactorParameter {
        FactorParameter("period", default: value, in: range, summary: summary)
    }

    static let technical: [FactorDefinition] = [
        FactorDefinition(name: "ma", aliases: ["sma", "moving_average"], category: .technical, parameters: [period(20)],
                         direction: .higherIsBetter, summary: "close / SMA(close, period) − 1: how far the price is above its moving average",
                         source: .bars),
        FactorDefinition(name: "ema", category: .technical, parameters: [period(20)],
                         direction: .higherIsBetter, summary: "close / EMA(close, period) − 1", source: .bars),
        FactorDefinition(name: "rsi", category: .technical, parameters: [period(14, 2...250)],
                         direction: .lowerIsBetter, summary: "RSI(period), Wilder smoothing, 0–100; low (oversold) is attractive",
                         source: .bars),
        FactorDefinition(name: "macd", category: .technical, parameters: [
            FactorParameter("fast", default: 12, in: 2...250, summary: "fast EMA period"),
            FactorParameter("slow", default: 26, in: 3...500, summary: "slow EMA period"),
            FactorParameter("signal", default: 9, in: 1...250, summary: "signal (DEA) EMA period"),
        ], direction: .higherIsBetter, summary: "MACD histogram (DIF − DEA) / close: trend strength relative to price",
                         source: .bars),
        FactorDefinition(name: "bollinger_bands", aliases: ["bollinger", "boll", "bbands"], category: .technical, parameters: [
            period(20),
            FactorParameter("k", default: 2, in: 0.1...10, integer: false, summary: "band width in standard deviations"),
        ], direction: .lowerIsBetter, summary: "Bollinger %b = (close − lower) / (upper − lower); near the lower band is attractive",
                         source: .bars),
        FactorDefinition(name: "kdj", aliases: ["stoch"], category: .technical, parameters: [
            FactorParameter("n", default: 9, in: 2...250, summary: "RSV window"),
            FactorParameter("m1", default: 3, in: 1...50, summary: "K smoothing"),
            FactorParameter("m2", default: 3, in: 1...50, summary: "D smoothing"),
        ], direction: .lowerIsBetter, summary: "KDJ J line (3K − 2D, 通达信 definition); low (oversold) is attractive",
                         source: .bars),
        FactorDefinition(name: "momentum", aliases: ["roc"], category: .technical, parameters: [period(20)],
                         direction: .higherIsBetter, summary: "close / close[period days ago] − 1", source: .bars),
        FactorDefinition(name: "volatility", category: .technical, parameters: [period(20)],
                         direction: .lowerIsBetter, summary: "annualised sample standard deviation of daily returns over period",
                         source: .bars),
        FactorDefinition(name: "atr", category: .technical, parameters: [period(14, 1...250)],
                         direction: .lowerIsBetter, summary: "ATR(period) / close, Wilder smoothing: daily range relative to price",
                         source: .bars),
    ]

    static let fundamental: [FactorDefinition] = [
        FactorDefinition(name: "pe_ratio", aliases: ["pe"], category: .fundamental, direction: .lowerIsBetter,
                         summary: "price / earnings per share (trailing twelve months)", source: .imported("pe_ttm", "pe")),
        FactorDefinition(name: "pb_ratio", aliases: ["pb"], category: .fundamental, direction: .lowerIsBetter,
                         summary: "price / book value per share", source: .imported("pb")),
        FactorDefinition(name: "ps_ratio", aliases: ["ps"], category: .fundamental, direction: .lowerIsBetter,
                         summary: "price / sales per share (trailing twelve months)", source: .imported("ps_ttm", "ps")),
        FactorDefinition(name: "dividend_yield", category: .fundamental, direction: .higherIsBetter,
                         summary: "dividend yield, % (trailing twelve months)", source: .imported("dv_ttm", "dv_ratio")),
        FactorDefinition(name: "roe", category: .fundamental, direction: .higherIsBetter,
                         summary: "return on equity, % (latest report)", source: .imported("roe")),
        FactorDefinition(name: "roa", category: .fundamental, direction: .higherIsBetter,
                         summary: "return on assets, % (latest report)", source: .imported("roa")),
        FactorDefinition(name: "gross_margin", category: .fundamental, direction: .higherIsBetter,
                         summary: "gross profit margin, % (latest report)", source: .imported("grossprofit_margin", "gross_margin")),
        FactorDefinition(name: "net_margin", category: .fundamental, direction: .higherIsBetter,
                         summary: "net profit margin, % (latest report)", source: .imported("netprofit_margin", "net_margin")),
        FactorDefinition(name: "debt_to_assets", category: .fundamental, direction: .lowerIsBetter,
                         summary: "liabilities / assets, % (latest report)", source: .imported("debt_to_assets")),
        FactorDefinition(name: "revenue_growth", category: .fundamental, direction: .higherIsBetter,
                         summary: "operating revenue, year-on-year growth % (latest report)", source: .imported("or_yoy", "revenue_growth")),
        FactorDefinition(name: "profit_growth", category: .fundamental, direction: .higherIsBetter,
                         summary: "net profit, year-on-year growth % (latest report)", source: .imported("netprofit_yoy", "profit_growth")),
    ]

    static let market: [FactorDefinition] = [
        FactorDefinition(name: "total_mv", aliases: ["market_cap"], category: .market, direction: .lowerIsBetter,
                         summary: "total market value, 10k CNY (small size is attractive)", source: .imported("total_mv")),
        FactorDefinition(name: "circ_mv", category: .market, direction: .lowerIsBetter,
                         summary: "circulating market value, 10k CNY", source: .imported("circ_mv")),
        FactorDefinition(name: "turnover_rate", aliases: ["turnover"], category: .market, direction: .lowerIsBetter,
                         summary: "turnover rate, % of float shares traded that day", source: .imported("turnover_rate")),
        FactorDefinition(name: "volume_ratio", category: .market, parameters: [period(5, 1...250, "days in the average volume")],
                         direction: .lowerIsBetter,
                         summary: "量比: today's volume / mean volume of the previous period days (recomputable from bars)",
                         source: FactorSource(importColumns: ["volume_ratio"], recomputableFromBars: true)),
        FactorDefinition(name: "float_share", aliases: ["float_shares"], category: .market, direction: .lowerIsBetter,
                         summary: "float shares, 10k shares", source: .imported("float_share")),
    ]

    static let sentiment: [FactorDefinition] = [
        FactorDefinition(name: "news_sentiment", aliases: ["sentiment"], category: .sentiment, direction: .higherIsBetter,
                         summary: "news sentiment score of the day, −1 (negative) … 1 (positive)",
                         source: .imported("news_sentiment", "sentiment")),
    ]
}
