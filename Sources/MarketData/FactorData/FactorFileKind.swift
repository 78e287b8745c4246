/// The factor data formats `FactorDataImporter` reads, recognised by their header (names matched
/// case-insensitively, in any order, extra columns allowed). docs/DATA.md §8 describes each.
public enum FactorFileKind: String, Sendable, Codable, CaseIterable {
    /// `stock_code,factor,observed_date,publish_date,value`: one value per row, any registry factor.
    case long
    /// Tushare `fina_indicator`: `ts_code,ann_date,end_date,<indicator columns>[,update_flag]`.
    /// Observed on `end_date` (the report period), visible from `ann_date`.
    case finaIndicator = "fina_indicator"
    /// News sentiment: a code column, `publish_date`/`trade_date`/`date` (optionally with a time of
    /// day) and `news_sentiment`/`sentiment` in [−1, 1].
    case sentiment
    /// Tushare `daily_basic` (or any code + trade date + factor columns file): each value observed on
    /// and visible from `trade_date`.
    case dailyBasic = "daily_basic"

    /// How messages and summaries name the format.
    public var title: String {
        switch self {
        case .long: "long format (stock_code, factor, observed_date, publish_date, value)"
        case .finaIndicator: "Tushare fina_indicator"
        case .sentiment: "news sentiment"
        case .dailyBasic: "Tushare daily_basic"
        }
    }

    /// The value columns of Tushare `daily_basic` (besides `ts_code`, `trade_date`, `close`).
    public static let dailyBasicColumns: Set<String> = [
        "turnover_rate", "turnover_rate_f", "volume_ratio", "pe", "pe_ttm", "pb", "ps", "ps_ttm", "dv_ratio", "dv_ttm",
        "total_share", "float_share", "free_share", "total_mv", "circ_mv",
    ]

    static let codeColumns = ["ts_code", "stock_code", "code"]
    static let sentimentDateColumns = ["publish_date", "trade_date", "date"]
    static let sentimentValueColumns = ["news_sentiment", "sentiment"]
    static let dailyDateColumns = ["trade_date", "date"]

    /// The kind of a file with `header`, or nil. `knownColumns` (lower-cased) are the columns a
    /// factor reads besides Tushare's own `daily_basic` names; a daily file needs one of either.
    /// Tested in this order: long, fina_indicator, sentiment, daily_basic.
    static func detect(_ header: CSVHeader, knownColumns: Set<String> = []) -> FactorFileKind? {
        guard header.index(of: codeColumns) != nil else { return nil }
        if header.contains(["factor", "value", "observed_date", "publish_date"]) { return .long }
        if header.contains(["ann_date", "end_date"]) { return .finaIndicator }
        if header.index(of: sentimentDateColumns) != nil, header.index(of: sentimentValueColumns) != nil { return .sentiment }
        if header.index(of: dailyDateColumns) != nil,
           header.keys.contains(where: { dailyBasicColumns.contains($0) || knownColumns.contains($0) }) {
            return .dailyBasic
        }
        return nil
    }
}
