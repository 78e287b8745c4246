/// A status change the task repository applies only to rows whose status is one of `from`, in
/// the same statement (`UPDATE … WHERE status IN (from)`), so two callers racing for one task
/// cannot both succeed. The rules (which changes exist) live in the service's state machine;
/// the repository only applies them atomically.
public struct TaskStatusChange: Sendable, Hashable {
    public let from: [String]
    public let to: String

    public init(from: [String], to: String) {
        precondition(!from.isEmpty, "a status change starts from at least one status")
        self.from = from
        self.to = to
    }
}
