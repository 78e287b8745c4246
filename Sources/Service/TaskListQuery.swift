import Foundation
import HuiceCore
import Storage

/// The getTaskList body: `page` (from 1, default 1), `size` (1…100, default 20), and the filters
/// `status`, `start_date`/`end_date` (days of `created_at`, UTC, both inclusive) and `batch_id`.
public struct TaskListQuery: Sendable, Equatable {
    public var page: Int
    public var size: Int
    public var status: TaskState?
    public var startDate: TradingDay?
    public var endDate: TradingDay?
    public var batchID: String?

    public static let maxSize = 100

    public init(page: Int = 1, size: Int = 20, status: TaskState? = nil, startDate: TradingDay? = nil,
                endDate: TradingDay? = nil, batchID: String? = nil) {
        self.page = page
        self.size = size
        self.status = status
        self.startDate = startDate
        self.endDate = endDate
        self.batchID = batchID
    }

    public static func parse(_ body: JSONValue) throws(RequestError) -> TaskListQuery {
        let fields = try RequestBody(body)
        try fields.rejectUnknown(known: ["page", "size", "status", "start_date", "end_date", "batch_id"])
        var query = TaskListQuery()
        query.page = try fields.integer("page", in: 1...1_000_000) ?? 1
        query.size = try fields.integer("size", in: 1...maxSize) ?? 20
        if let text = try fields.string("status") {
            guard let state = TaskState(rawValue: text) else {
                throw RequestError(field: "status", reason: "invalid value",
                                   message: "status必须是" + TaskState.allCases.map(\.rawValue).joined(separator: "、") + "之一",
                                   details: ["allowed": .array(TaskState.allCases.map { .string($0.rawValue) })])
            }
            query.status = state
        }
        query.startDate = try fields.date("start_date")
        query.endDate = try fields.date("end_date")
        if let start = query.startDate, let end = query.endDate, start > end {
            throw RequestError(field: "end_date", reason: "must not be before start_date", message: "end_date不能早于start_date")
        }
        query.batchID = try fields.string("batch_id")
        return query
    }

    /// The store filter: created_at in [start 00:00, end+1 00:00) UTC.
    var filter: TaskListFilter {
        TaskListFilter(status: status?.rawValue, createdFrom: startDate.map(Self.midnight),
                       createdBefore: endDate.map { Self.midnight($0.adding(days: 1)) }, batchID: batchID)
    }

    static func midnight(_ day: TradingDay) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
    }
}
