// JSON has no NaN or infinity: Foundation's encoder throws on them, other readers choke. Every
// Double in a report goes through these helpers, which write an undefined value as `null` and
// read `null` back as NaN (for non-optional fields) or nil (for optional metrics).

extension KeyedEncodingContainer {
    /// Writes `value`, or `null` when it is nil, NaN or infinite.
    mutating func encodeFinite(_ value: Double?, forKey key: Key) throws {
        if let value, value.isFinite {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }

    /// Writes an array of Doubles with `null` in place of each non-finite element.
    mutating func encodeFinite(_ values: [Double], forKey key: Key) throws {
        try encode(values.map { $0.isFinite ? $0 : nil }, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Reads a Double that the encoder may have written as `null`; `null` or a missing key is NaN.
    func decodeFiniteOrNaN(forKey key: Key) throws -> Double {
        try decodeIfPresent(Double.self, forKey: key) ?? .nan
    }

    /// Reads an array written by `encodeFinite(_:forKey:)`, `null` elements becoming NaN.
    func decodeFiniteArray(forKey key: Key) throws -> [Double] {
        try decode([Double?].self, forKey: key).map { $0 ?? .nan }
    }
}

/// nil for NaN and ±infinity: the single place a computed ratio becomes "undefined".
@inlinable
func finiteOrNil(_ value: Double) -> Double? {
    value.isFinite ? value : nil
}
