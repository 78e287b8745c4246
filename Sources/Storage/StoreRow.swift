import SQLiteKit

/// One result row's values by column name, decoded by hand (no Codable on SQLite's raw rows).
/// `RowReader` hands rows over as this, whatever the engine.
protocol StoreRow {
    /// True when the column is NULL (or missing).
    func isNull(_ column: String) -> Bool
    /// An integer column; nil when NULL or not an integer.
    func int64(_ column: String) -> Int64?
    /// A floating-point column (an integer one reads as its value); nil when NULL or not a number.
    func double(_ column: String) -> Double?
    func text(_ column: String) -> String?
    /// The raw value for error messages.
    func valueDescription(_ column: String) -> String
}

extension SQLiteRow: StoreRow {
    func isNull(_ column: String) -> Bool { self.column(column)?.isNull ?? true }
    func int64(_ column: String) -> Int64? { self.column(column)?.int64Value }
    func double(_ column: String) -> Double? { self.column(column)?.doubleValue }
    func text(_ column: String) -> String? { self.column(column)?.textValue }
    func valueDescription(_ column: String) -> String { self.column(column)?.description ?? "missing" }
}

/// A SQLKit row (PostgreSQL's path) read through the driver's decoding.
struct SQLKitStoreRow: StoreRow {
    let row: any SQLRow

    func isNull(_ column: String) -> Bool { (try? row.decodeNil(column: column)) ?? true }

    func int64(_ column: String) -> Int64? {
        isNull(column) ? nil : try? row.decode(column: column, as: Int64.self)
    }

    func double(_ column: String) -> Double? {
        guard !isNull(column) else { return nil }
        if let value = try? row.decode(column: column, as: Double.self) { return value }
        return (try? row.decode(column: column, as: Int64.self)).map(Double.init)
    }

    func text(_ column: String) -> String? {
        isNull(column) ? nil : try? row.decode(column: column, as: String.self)
    }

    func valueDescription(_ column: String) -> String {
        guard row.contains(column: column) else { return "missing" }
        if isNull(column) { return "NULL" }
        if let value = try? row.decode(column: column, as: String.self) { return "\"\(value)\"" }
        if let value = try? row.decode(column: column, as: Int64.self) { return String(value) }
        if let value = try? row.decode(column: column, as: Double.self) { return String(value) }
        return "unreadable"
    }
}
