import HuiceCore
import PostgresNIO

/// A store operation that failed: where (the store file or the PostgreSQL URL without its
/// password, the table or `table.column`, stock and date where known) and why (the database's own
/// message for SQL failures).
public struct StorageError: LocatedError, Equatable {
    public var location: ErrorLocation
    public var reason: String

    public init(file: String? = nil, table: String? = nil, stock: String? = nil, date: String? = nil, reason: String) {
        location = ErrorLocation(file: file, field: table, stock: stock, date: date)
        self.reason = reason
    }

    static let closed = StorageError(reason: "the store is closed")

    /// What a database error says, for a `reason`. PostgresNIO's `PSQLError` prints only a
    /// placeholder (so it never leaks into responses by accident); this takes the server's message,
    /// SQLSTATE and detail, or the network error underneath.
    static func message(of error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo, let message = info[.message] {
            var text = message
            if let state = info[.sqlState] { text += " (SQLSTATE \(state))" }
            if let detail = info[.detail] { text += ": \(detail)" }
            return text
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
