/// The listing board, which decides price-limit widths and lot rules.
public enum Board: String, Sendable, Codable, CaseIterable {
    /// Shanghai and Shenzhen main boards (主板, including the former SME board 中小板).
    case main
    /// 创业板 ChiNext (300/301).
    case chinext
    /// 科创板 STAR Market (688/689).
    case star
    /// 北交所 Beijing Stock Exchange (4xx/8xx/920).
    case bse
    /// An index: not tradable, used as a benchmark.
    case index
    /// Exchange-traded funds and LOFs (5xxxxx on SH, 15/16xxxx on SZ): tick 0.001.
    case fund
    /// Anything else (the generic profile's tickers).
    case other

    /// The board of an A-share code by its prefix, as the issue specifies: 600/601/603/605 SH main,
    /// 688/689 STAR, 000/001/002/003 SZ main, 300/301 ChiNext, 4xx/8xx/920 BSE. SH 000xxx and
    /// SZ 399xxx are indices; SH 5xxxxx and SZ 15/16xxxx are funds.
    public static func inferred(from code: StockCode) -> Board {
        let s = Array(code.symbol.utf8)
        guard s.count == 6 else { return .other }
        let p3 = String(decoding: s.prefix(3), as: UTF8.self)
        switch code.exchange {
        case .shanghai:
            switch p3 {
            case "600", "601", "603", "605": return .main
            case "688", "689": return .star
            case "000": return .index
            default: return s[0] == UInt8(ascii: "5") ? .fund : .other
            }
        case .shenzhen:
            switch p3 {
            case "000", "001", "002", "003": return .main
            case "300", "301": return .chinext
            case "399": return .index
            default:
                if p3.hasPrefix("15") || p3.hasPrefix("16") { return .fund }
                return .other
            }
        case .beijing:
            if s[0] == UInt8(ascii: "4") || s[0] == UInt8(ascii: "8") || p3 == "920" { return .bse }
            return .other
        case .other:
            return .other
        }
    }

    /// The price tick: 0.001 for funds, 0.01 for A-share stocks and indices, 0.0001 for other
    /// markets (the finest price Huice stores).
    public var tick: Price {
        switch self {
        case .fund: Price(units: 10)
        case .other: Price(units: 1)
        default: Price.cent
        }
    }

    /// Chinese name for reports.
    public var displayName: String {
        switch self {
        case .main: "主板"
        case .chinext: "创业板"
        case .star: "科创板"
        case .bse: "北交所"
        case .index: "指数"
        case .fund: "基金"
        case .other: "其他"
        }
    }
}
