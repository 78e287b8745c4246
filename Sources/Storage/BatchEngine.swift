import SQLKit

/// How one engine binds and runs the statements of a bulk write (`BatchInserter`).
///
/// SQLite's engine binds SQLiteNIO values on the raw connection (no Codable: the fast path);
/// the SQLKit engine binds Swift values through any `SQLDatabase` (PostgreSQL). Generic
/// writers are specialised per engine, so the per-value calls cost nothing.
protocol BatchEngine {
    associatedtype Value: Sendable
    /// The database the statements are rendered for (placeholders differ by dialect).
    var db: any SQLDatabase { get }
    /// The most bound parameters one statement may carry.
    var maxParameters: Int { get }
    func value(_ text: String) -> Value
    func value(_ integer: Int?) -> Value
    func value(_ double: Double?) -> Value
    /// Runs `sql` with `binds`, discarding any rows.
    func run(_ sql: String, binds: [Value]) async throws
}
