/// An error kept on a task: the message (`error_message`) and the snapshot (`error_snapshot`, JSON
/// with the error code, message, attempt and config).
public struct TaskErrorRecord: Sendable, Equatable {
    public var message: String
    public var snapshot: String

    public init(message: String, snapshot: String) {
        self.message = message
        self.snapshot = snapshot
    }
}
