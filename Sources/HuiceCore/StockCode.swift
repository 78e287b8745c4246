/// A security code in Tushare form: six (or more) characters, a dot, the exchange: `600000.SH`,
/// `000001.SZ`, `430047.BJ`. Importers map vendor spellings to it with `StockCode(normalizing:)`.
public struct StockCode: Hashable, Comparable, Sendable {
    public let symbol: String
    public let exchange: Exchange

    public init(symbol: String, exchange: Exchange) {
        self.symbol = symbol
        self.exchange = exchange
    }

    /// `600000.SH`.
    public var rawValue: String { "\(symbol).\(exchange.rawValue)" }

    /// Accepts `600000.SH`, `600000.XSHG`, `sh600000`, `SH#600000`, `SH600000`, `1#600000`
    /// (通达信 market prefixes 0 = SZ, 1 = SH, 2 = BJ), a bare six-digit code (exchange from the
    /// prefix, see `Exchange.inferred(fromSymbol:)`), and other tickers such as `AAPL` or `SYM001`
    /// (exchange `.other`). Returns nil for empty or malformed text.
    public init?(normalizing text: some StringProtocol) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 32 else { return nil }
        let upper = trimmed.uppercased()
        // Suffix forms: 600000.SH, 600000.XSHG, AAPL.US
        if let dot = upper.lastIndex(of: ".") {
            let symbol = String(upper[..<dot])
            let suffix = String(upper[upper.index(after: dot)...])
            if let exchange = Exchange(suffix: suffix) {
                guard StockCode.isValidSymbol(symbol) else { return nil }
                if exchange != .other {
                    guard symbol.utf8.count == 6, symbol.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
                }
                self.init(symbol: symbol, exchange: exchange)
                return
            }
        }
        // Prefix forms: SH600000, SH#600000, sh.600000, 1#600000
        for (prefix, exchange) in StockCode.prefixes where upper.hasPrefix(prefix) {
            let rest = upper.dropFirst(prefix.count)
            let symbol = String(rest.hasPrefix("#") || rest.hasPrefix(".") ? rest.dropFirst() : rest)
            if symbol.utf8.count == 6, symbol.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                self.init(symbol: symbol, exchange: exchange)
                return
            }
        }
        if upper.utf8.count == 6, upper.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
           let exchange = Exchange.inferred(fromSymbol: upper) {
            self.init(symbol: upper, exchange: exchange)
            return
        }
        guard StockCode.isValidSymbol(upper) else { return nil }
        self.init(symbol: upper, exchange: .other)
    }

    /// The board a code belongs to when no instrument list says otherwise.
    public var inferredBoard: Board { Board.inferred(from: self) }

    public static func < (lhs: StockCode, rhs: StockCode) -> Bool { lhs.rawValue < rhs.rawValue }

    private static let prefixes: [(String, Exchange)] = [
        ("SH", .shanghai), ("SZ", .shenzhen), ("BJ", .beijing), ("1#", .shanghai), ("0#", .shenzhen), ("2#", .beijing),
    ]

    private static func isValidSymbol(_ symbol: some StringProtocol) -> Bool {
        !symbol.isEmpty && symbol.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}

extension StockCode: CustomStringConvertible {
    public var description: String { exchange == .other ? symbol : rawValue }
}

extension StockCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = StockCode(normalizing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a stock code")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Where a security is listed.
public enum Exchange: String, Sendable, Codable, CaseIterable {
    case shanghai = "SH"
    case shenzhen = "SZ"
    case beijing = "BJ"
    /// Any other market (the generic profile's tickers).
    case other = "OTHER"

    init?(suffix: String) {
        switch suffix {
        case "SH", "XSHG", "SS": self = .shanghai
        case "SZ", "XSHE": self = .shenzhen
        case "BJ", "XBEI", "BSE": self = .beijing
        case "US", "HK", "OTHER": self = .other
        default: return nil
        }
    }

    /// The exchange of a bare six-digit A-share code: 6xxxxx / 9xxxxx / 5xxxxx / 000xxx index
    /// style codes are ambiguous, so only stock prefixes are mapped: 60/68/90 → SH, 00/30/20 → SZ,
    /// 4x/8x/920 → BJ.
    public static func inferred(fromSymbol symbol: some StringProtocol) -> Exchange? {
        let s = Array(symbol.utf8.prefix(3))
        guard s.count == 3 else { return nil }
        switch (s[0], s[1]) {
        case (UInt8(ascii: "6"), _), (UInt8(ascii: "5"), _): return .shanghai
        case (UInt8(ascii: "9"), UInt8(ascii: "2")) where s[2] == UInt8(ascii: "0"): return .beijing
        case (UInt8(ascii: "9"), _): return .shanghai
        case (UInt8(ascii: "0"), _), (UInt8(ascii: "3"), _), (UInt8(ascii: "2"), _), (UInt8(ascii: "1"), _): return .shenzhen
        case (UInt8(ascii: "4"), _), (UInt8(ascii: "8"), _): return .beijing
        default: return nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, CR, LF and a UTF-8 byte-order mark.
    public func trimmingASCIIWhitespace() -> Substring {
        var scalars = Substring(self)
        while let first = scalars.unicodeScalars.first,
              first == " " || first == "\t" || first == "\r" || first == "\n" || first == "\u{FEFF}" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.unicodeScalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            scalars = scalars.dropLast()
        }
        return scalars
    }
}
