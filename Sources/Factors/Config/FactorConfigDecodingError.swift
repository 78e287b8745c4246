import HuiceCore

/// A factor-config document (JSON or command-line flags) that cannot be read: the file, the key
/// path (`factor_weights.rsi`, `factors[2].params`, `--weights`) and the reason. Problems with the
/// values themselves (unknown factors, weights) are validation issues, not decoding errors.
public struct FactorConfigDecodingError: LocatedError, Equatable {
    public var location: ErrorLocation
    public var reason: String

    public init(file: String? = nil, field: String? = nil, reason: String) {
        location = ErrorLocation(file: file, field: field)
        self.reason = reason
    }

    /// Turns a `DecodingError` into one naming the key path and the reason.
    init(decoding error: DecodingError, file: String?) {
        switch error {
        case .typeMismatch(let type, let context):
            self.init(file: file, field: Self.field(context.codingPath), reason: "expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            self.init(file: file, field: Self.field(context.codingPath), reason: "expected \(Self.describe(type)), found null")
        case .keyNotFound(let key, let context):
            self.init(file: file, field: StrictKeys.path(context.codingPath + [key]), reason: "required key is missing")
        case .dataCorrupted(let context):
            self.init(file: file, field: context.codingPath.isEmpty ? nil : StrictKeys.path(context.codingPath),
                      reason: context.codingPath.isEmpty ? "not valid JSON: \(context.debugDescription)" : context.debugDescription)
        @unknown default:
            self.init(file: file, reason: "\(error)")
        }
    }

    /// The key path, nil for the document itself.
    private static func field(_ keys: [any CodingKey]) -> String? {
        keys.isEmpty ? nil : StrictKeys.path(keys)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of factor names"
        case is [String: Double].Type: "an object of numbers"
        case is [String: [String: Double]].Type: "an object of objects of numbers"
        default: type is [Any].Type ? "a list" : (type is [String: Any].Type ? "an object" : "\(type)")
        }
    }
}

/// Strict JSON objects: unknown keys are rejected with a "did you mean" hint (the style of
/// Runtime's `BacktestConfig`).
enum StrictKeys {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func rejectUnknown(in decoder: any Decoder, known: [String], path: String) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let knownSet = Set(known)
        for key in container.allKeys.map(\.stringValue).sorted() where !knownSet.contains(key) {
            throw FactorConfigDecodingError(field: path + key, reason: "unknown key" + hint(for: key, among: known))
        }
    }

    /// ` (did you mean 'x'?)` when a candidate is close (see `closest`), else empty.
    static func hint(for text: String, among candidates: [String]) -> String {
        guard let best = closest(to: text, among: candidates) else { return "" }
        return " (did you mean '\(best)'?)"
    }

    /// The candidate nearest to `text` when it is close enough — within a third of its length in
    /// edits, at least one and at most three (so `xyz` suggests nothing) — ties: the earliest.
    static func closest(to text: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, text.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(candidate, text)
            if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    /// `factors[2].params.period`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
