import Foundation
import Logging

/// A swift-log handler writing one JSON object per line, seed 000 §4.2's format:
/// ```json
/// {"timestamp":"2024-01-15T10:30:00.000Z","level":"INFO","service":"huice","module":"http",
///  "message":"request completed","task_id":"bt_20240115_001","stock_code":"000001.SZ","execution_time":1500,…}
/// ```
/// `timestamp` is ISO 8601 UTC (milliseconds); `level` is the seed's INFO/WARN/ERROR/DEBUG
/// (trace → DEBUG, notice → INFO, critical → ERROR); `module` comes from the `module` metadata key,
/// else the Swift module that logged; `task_id`, `stock_code` and `execution_time` (a number, ms)
/// follow when present, then every other metadata key in sorted order. The seed's keys come first
/// so a reader scanning lines finds them in the same place.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let output: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// `output` receives each line with its final newline; the default writes it to stderr in one call.
    public init(level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil,
                output: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError,
                now: @escaping @Sendable () -> Date = { Date() }) {
        logLevel = level
        self.metadataProvider = metadataProvider
        self.output = output
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        if let error = event.error { merged["error"] = .string(String(describing: error)) }
        output(line(level: event.level, message: event.message.description, source: event.source, metadata: merged))
    }

    /// The JSON line (with its newline) for one event.
    func line(level: Logger.Level, message: String, source: String, metadata: Logger.Metadata) -> String {
        var fields: [(String, String)] = [
            ("timestamp", Self.quoted(Self.timestamp(now()))),
            ("level", Self.quoted(Self.seedLevel(level))),
            ("service", Self.quoted("huice")),
            ("module", Self.quoted(metadata["module"].map(Self.text) ?? source)),
            ("message", Self.quoted(message)),
        ]
        for key in ["task_id", "stock_code"] {
            if let value = metadata[key] { fields.append((key, Self.json(value))) }
        }
        if let value = metadata["execution_time"] { fields.append(("execution_time", Self.number(value))) }
        let leading: Set<String> = ["module", "task_id", "stock_code", "execution_time"]
        for key in metadata.keys.sorted() where !leading.contains(key) {
            fields.append((key, Self.json(metadata[key]!)))
        }
        return "{" + fields.map { "\(Self.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}\n"
    }

    /// Writes `line` to stderr in one `write` call, so lines from concurrent tasks never interleave.
    public static let standardError: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    static func seedLevel(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "DEBUG"
        case .info, .notice: "INFO"
        case .warning: "WARN"
        case .error, .critical: "ERROR"
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// A metadata value as JSON: strings quoted, numbers and booleans given as such (through
    /// `.stringConvertible`) written bare, lists and dictionaries as arrays and objects.
    static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .stringConvertible(let convertible):
            switch convertible {
            case let flag as Bool: flag ? "true" : "false"
            case let number as any BinaryInteger: "\(number)"
            case let number as Double where number.isFinite: "\(number)"
            case let number as Float where number.isFinite: "\(number)"
            default: quoted(convertible.description)
            }
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let members):
            "{" + members.keys.sorted().map { "\(quoted($0)):\(json(members[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    /// `execution_time` as a number even when it was logged as text ("1500"); text that is not a
    /// number stays a string rather than being lost.
    static func number(_ value: Logger.Metadata.Value) -> String {
        if case .string(let text) = value, let number = Double(text), number.isFinite {
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        }
        return json(value)
    }

    private static func text(_ value: Logger.Metadata.Value) -> String {
        if case .string(let text) = value { return text }
        return value.description
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
