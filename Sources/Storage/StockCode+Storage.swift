import HuiceCore

extension StockCode {
    /// The `code` column's text: the Tushare form (`600000.SH`, `SYM001`), or the raw
    /// `SYMBOL.OTHER` form where the short one would read back as another code.
    var storageText: String {
        let short = description
        return StockCode(normalizing: short) == self ? short : rawValue
    }
}
