import SQLiteKit

/// Manual decoding of raw column values (no Codable): the bulk load path.
extension SQLiteData {
    /// An INTEGER column.
    @inline(__always)
    var int64Value: Int64? {
        switch self {
        case .integer(let value): Int64(value)
        case .float(let value): value == value.rounded() ? Int64(exactly: value) : nil
        default: nil
        }
    }

    /// A DOUBLE PRECISION column (SQLite may hand back whole values as INTEGER).
    @inline(__always)
    var doubleValue: Double? {
        switch self {
        case .float(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    @inline(__always)
    var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
