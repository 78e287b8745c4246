import HuiceCore
import Service

// The TaskManager already has the operations with the protocol's names; only the parsing, which
// the contract puts on the request types, is forwarded here.
extension TaskManager: BacktestAPI {
    public static func parseBatch(_ body: JSONValue) throws -> BatchRequest {
        try BatchRequest.parse(body)
    }

    public static func parseTaskListQuery(_ body: JSONValue) throws -> TaskListQuery {
        try TaskListQuery.parse(body)
    }

    public static func parseResultRequest(_ body: JSONValue) throws -> (taskID: String, parts: ResultParts) {
        try ResultParts.parse(body)
    }
}

extension TaskEvent: NamedEvent {}
