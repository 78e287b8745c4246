/// How `MarketDataStore.save(_:mode:)` (market data) and `saveFactors(_:mode:)` (factor values)
/// combine a set with what the store already holds.
public enum SaveMode: String, Sendable, Codable, CaseIterable {
    /// Upsert per row key; nothing is deleted except an imported instrument's old ST periods.
    ///
    /// - bars: per (code, bar_time): an imported bar overwrites the stored bar with the same key;
    ///   stored bars at other times (also of the same code) stay. Re-importing a stock's file thus
    ///   updates the overlapping bars and adds new ones.
    /// - calendar and suspensions: union.
    /// - instruments: per code, the imported record replaces the stored one, ST periods included.
    /// - adjustment factors: per (code, trade_date), the imported factor wins.
    /// - price limits: per (code, trade_date), each side given wins; a side the import lacks
    ///   (NULL) keeps the stored price (as `PriceLimitTable.merge`).
    /// - factor values (`saveFactors`): per (stock, factor, observed, published), the imported
    ///   value wins; other vintages, days, factors and stocks stay.
    case merge
    /// The store afterwards holds exactly the set: every market-data table is cleared first, in
    /// the same transaction (a set without a calendar leaves the calendar empty). Factor values
    /// are not market data and stay.
    ///
    /// For `saveFactors`: every (stock, factor) pair the set holds is cleared first, so those
    /// series are exactly the set's; other factors of the same stocks, and other stocks, stay.
    case replace
}
