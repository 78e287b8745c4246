import SQLKit

extension SQLRow {
    /// The column's value, nil when it is SQL NULL.
    func optional<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : try decode(column: column, as: T.self)
    }
}
