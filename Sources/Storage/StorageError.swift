import HuiceCore

/// A store operation that failed: where (the store file, the table or `table.column`, stock and
/// date where known) and why (the database's own message for SQL failures).
public struct StorageError: LocatedError, Equatable {
    public var location: ErrorLocation
    public var reason: String

    public init(file: String? = nil, table: String? = nil, stock: String? = nil, date: String? = nil, reason: String) {
        location = ErrorLocation(file: file, field: table, stock: stock, date: date)
        self.reason = reason
    }

    static let closed = StorageError(reason: "the store is closed")
}
