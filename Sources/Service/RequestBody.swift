import HuiceCore

/// A JSON request body read field by field, each problem a `RequestError` naming the field
/// (with `prefix`, for objects nested in the body). `null` counts as absent for optional fields.
struct RequestBody {
    let fields: [String: JSONValue]
    let prefix: String

    init(_ body: JSONValue, prefix: String = "") throws(RequestError) {
        guard case .object(let fields) = body else {
            throw RequestError(field: prefix.isEmpty ? "body" : String(prefix.dropLast()), reason: "wrong type",
                               message: "请求体必须是JSON对象")
        }
        self.fields = fields
        self.prefix = prefix
    }

    func path(_ key: String) -> String { prefix + key }

    /// Refuses the first key (in sorted order) outside `known`, suggesting the closest known one.
    func rejectUnknown(known: Set<String>) throws(RequestError) {
        for key in fields.keys.sorted() where !known.contains(key) {
            let suggestion = known.min { Self.distance($0, key) < Self.distance($1, key) }
                .flatMap { Self.distance($0, key) <= 3 ? $0 : nil }
            var details: [String: JSONValue] = [:]
            if let suggestion { details["suggestion"] = .string(suggestion) }
            throw RequestError(field: path(key), reason: "unknown field",
                               message: "未知字段\(path(key))" + (suggestion.map { "（是否应为\($0)？）" } ?? ""),
                               details: details)
        }
    }

    func isPresent(_ key: String) -> Bool {
        guard let value = fields[key] else { return false }
        return value != .null
    }

    func string(_ key: String) throws(RequestError) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw RequestError.wrongType(path(key), expected: "字符串")
        }
    }

    func bool(_ key: String) throws(RequestError) -> Bool? {
        switch fields[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw RequestError.wrongType(path(key), expected: "true或false")
        }
    }

    func number(_ key: String) throws(RequestError) -> Double? {
        switch fields[key] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        default: throw RequestError.wrongType(path(key), expected: "数字")
        }
    }

    /// An integer in `range` (a JSON number without a fraction).
    func integer(_ key: String, in range: ClosedRange<Int>) throws(RequestError) -> Int? {
        guard let value = try number(key) else { return nil }
        guard value == value.rounded(), abs(value) < 1e15 else { throw RequestError.wrongType(path(key), expected: "整数") }
        let integer = Int(value)
        guard range.contains(integer) else {
            throw RequestError.outOfRange(path(key), "\(path(key))必须在\(range.lowerBound)到\(range.upperBound)之间，实际为\(integer)")
        }
        return integer
    }

    /// A date written `yyyy-mm-dd` or `yyyymmdd`.
    func date(_ key: String) throws(RequestError) -> TradingDay? {
        guard let text = try string(key) else { return nil }
        guard let day = Self.parseDate(text) else {
            throw RequestError(field: path(key), reason: "must be a date yyyy-mm-dd",
                               message: "\(path(key))必须是日期（yyyy-mm-dd或yyyymmdd），实际为'\(text)'")
        }
        return day
    }

    func array(_ key: String) throws(RequestError) -> [JSONValue]? {
        switch fields[key] {
        case nil, .null?: return nil
        case .array(let items)?: return items
        default: throw RequestError.wrongType(path(key), expected: "数组")
        }
    }

    func object(_ key: String) throws(RequestError) -> [String: JSONValue]? {
        switch fields[key] {
        case nil, .null?: return nil
        case .object(let members)?: return members
        default: throw RequestError.wrongType(path(key), expected: "JSON对象")
        }
    }

    /// Strictly `yyyy-mm-dd` or `yyyymmdd`, a real calendar date.
    static func parseDate(_ text: String) -> TradingDay? {
        let bytes = Array(text.utf8)
        let isDigit = { (b: UInt8) in b >= 48 && b <= 57 }
        let shaped = (bytes.count == 8 && bytes.allSatisfy(isDigit))
            || (bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
                && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || isDigit($0.element) })
        return shaped ? TradingDay(parsing: text) : nil
    }

    /// Levenshtein distance, for "did you mean" hints.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
