import Foundation
import HuiceCore
import MarketData
import Runtime
import Storage

/// A failed attempt, classified.
///
/// Deterministic failures fail the task at once — running it again would fail the same way:
/// - `config_error`: the config snapshot does not describe a runnable backtest (a key out of range,
///   no trading days in the range, no bars for the stock, an unknown benchmark) — `ConfigError`;
/// - `data_error`: the stored or imported data is unusable (a bad signal file) — `DataImportError`;
/// - `factor_config_error`: a factor configuration cannot be used — `FactorConfigError`.
///
/// Failures that may pass are retried with exponential backoff until `max_attempts`:
/// - `storage_error`: the store failed (locked, disk full, connection lost) — `StorageError`;
/// - `unexpected_error`: anything else (a bug or an environment problem, which may be transient).
struct TaskFailure: Sendable, Equatable {
    var code: String
    var message: String
    var field: String?
    var retryable: Bool

    init(_ error: any Error) {
        switch error {
        case let error as ConfigError:
            self.init(code: "config_error", message: error.description, field: error.location.field, retryable: false)
        case let error as DataImportError:
            self.init(code: "data_error", message: error.description, field: error.location.field, retryable: false)
        case let error as FactorConfigError:
            self.init(code: "factor_config_error", message: error.description, field: error.location.field, retryable: false)
        case let error as StorageError:
            self.init(code: "storage_error", message: error.description, field: error.location.field, retryable: true)
        default:
            self.init(code: "unexpected_error", message: String(describing: error), field: nil, retryable: true)
        }
    }

    init(code: String, message: String, field: String?, retryable: Bool) {
        self.code = code
        self.message = message
        self.field = field
        self.retryable = retryable
    }

    /// The error kept on the task: the message, and the snapshot with the code, the attempt and
    /// the config the task ran with (parsed back to JSON, so the snapshot is one document).
    func record(task: BacktestTaskRecord, at now: Date) -> TaskErrorRecord {
        var snapshot: [String: JSONValue] = [
            "code": .string(code), "message": .string(message), "attempt": .number(Double(task.attempts)),
            "max_attempts": .number(Double(task.maxAttempts)), "retryable": .bool(retryable),
            "at": .string(ServiceTime.text(now)), "task_id": .string(task.taskID), "stock_code": .string(task.stockCode),
            "config": (try? JSONDecoder().decode(JSONValue.self, from: Data(task.config.utf8))) ?? .string(task.config),
        ]
        if let field { snapshot["field"] = .string(field) }
        let text = (try? JSONValue.object(snapshot).encoded()).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return TaskErrorRecord(message: "\(code): \(message)", snapshot: text)
    }
}
