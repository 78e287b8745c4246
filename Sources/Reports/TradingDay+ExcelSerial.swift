import HuiceCore

extension TradingDay {
    /// The spreadsheet serial number of the day: days since 1899-12-30 (day 0 of the 1900 date
    /// system as Excel, LibreOffice and openpyxl count it after Excel's fictitious 1900-02-29, so
    /// exact for every date from 1900-03-01). 1970-01-01 is 25569; 2024-01-02 is 45293.
    public var excelSerialNumber: Int { daysSinceEpoch + 25_569 }
}
