/// Why the task service refused a call. The HTTP layer maps the cases to its envelope.
/// Store failures are `StorageError`s (500, never shown in detail).
public enum ServiceError: Error, Sendable, Equatable {
    /// → 404: no such `kind` ("task", "batch", "config") with `id`.
    case notFound(kind: String, id: String)
    /// → 400: a request field is missing or wrong.
    case invalidRequest(RequestError)
    /// → 409: the call does not fit the current state (cancel a completed task, retry a running one,
    /// results of a task that has none yet).
    case conflict(field: String, message: String)
}

extension ServiceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let kind, let id): "\(kind) '\(id)' not found"
        case .invalidRequest(let error): error.description
        case .conflict(let field, let message): "\(field): \(message)"
        }
    }
}
