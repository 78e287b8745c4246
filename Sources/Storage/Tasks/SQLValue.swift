import Foundation
import SQLKit

/// SQL values for the task tables' columns: NULL for nil and for non-finite numbers (a figure
/// that is undefined for a run), ISO 8601 text for display times, epoch milliseconds for queue times.
enum SQLValue {
    static func bind(_ value: (some Encodable & Sendable)?) -> any SQLExpression {
        guard let value else { return SQLLiteral.null }
        return SQLBind(value)
    }

    static func number(_ value: Double?) -> any SQLExpression {
        guard let value, value.isFinite else { return SQLLiteral.null }
        return SQLBind(value)
    }

    static func time(_ date: Date?) -> any SQLExpression {
        guard let date else { return SQLLiteral.null }
        return SQLBind(TaskTime.text(date))
    }

    static func milliseconds(_ date: Date?) -> any SQLExpression {
        guard let date else { return SQLLiteral.null }
        return SQLBind(TaskTime.milliseconds(date))
    }
}
