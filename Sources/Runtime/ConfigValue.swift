/// A config key that may be absent (take the default), `null` (switch the rule off) or set.
public enum ConfigValue<Value: Sendable & Equatable>: Sendable, Equatable {
    case absent
    case off
    case set(Value)

    /// The value in force: the explicit one, nil when switched off, else `defaultValue`.
    public func resolved(default defaultValue: Value?) -> Value? {
        switch self {
        case .absent: defaultValue
        case .off: nil
        case .set(let value): value
        }
    }

    public var isAbsent: Bool { self == .absent }
}

extension KeyedDecodingContainer {
    /// Decodes an optional key into a `ConfigValue`: missing → `.absent`, `null` → `.off`.
    func configValue<T: Decodable & Sendable & Equatable>(_ type: T.Type, forKey key: Key) throws -> ConfigValue<T> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .off }
        return .set(try decode(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    mutating func encode<T: Encodable & Sendable & Equatable>(_ value: ConfigValue<T>, forKey key: Key) throws {
        switch value {
        case .absent: break
        case .off: try encodeNil(forKey: key)
        case .set(let v): try encode(v, forKey: key)
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a string-valued enum key (case-insensitive) into a `ConfigValue`, with an error
    /// listing the allowed values.
    func configEnum<T: RawRepresentable & CaseIterable & Sendable & Equatable>(
        _ type: T.Type, forKey key: Key
    ) throws -> ConfigValue<T> where T.RawValue == String {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .off }
        return .set(try decodeEnum(type, forKey: key))
    }

    func decodeEnum<T: RawRepresentable & CaseIterable>(_ type: T.Type, forKey key: Key) throws -> T where T.RawValue == String {
        let text = try decode(String.self, forKey: key)
        if let value = T(rawValue: text) ?? T(rawValue: text.lowercased()) ?? T(rawValue: text.uppercased()) {
            return value
        }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw ConfigError(field: (codingPath + [key]).map(\.stringValue).joined(separator: "."),
                          reason: "'\(text)' is not one of \(allowed)")
    }
}
