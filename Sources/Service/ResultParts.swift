import HuiceCore

/// Which large parts getTaskResults adds to the summary.
public struct ResultParts: Sendable, Equatable {
    public var trades: Bool
    public var equityCurve: Bool

    public init(trades: Bool = false, equityCurve: Bool = false) {
        self.trades = trades
        self.equityCurve = equityCurve
    }

    /// The getTaskResults body: `task_id` (required), `include_trades`, `include_equity_curve` (default false).
    public static func parse(_ body: JSONValue) throws(RequestError) -> (taskID: String, parts: ResultParts) {
        let fields = try RequestBody(body)
        try fields.rejectUnknown(known: ["task_id", "include_trades", "include_equity_curve"])
        guard let taskID = try fields.string("task_id"), !taskID.isEmpty else { throw RequestError.missing("task_id") }
        return (taskID, ResultParts(trades: try fields.bool("include_trades") ?? false,
                                    equityCurve: try fields.bool("include_equity_curve") ?? false))
    }
}
