import Foundation

/// One Server-Sent Events frame, written as the WHATWG format says: `field: value` lines ended by
/// a blank line. Data with line breaks becomes several `data:` lines (a client joins them with
/// "\n"), so any text survives the framing.
struct ServerSentEvent: Sendable, Equatable {
    var event: String?
    var data: String

    /// `event: <name>\ndata: <line>\n…\n\n`.
    var text: String {
        var text = ""
        if let event { text += "event: \(event)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line.hasSuffix("\r") ? line.dropLast() : line)\n"
        }
        return text + "\n"
    }

    /// A comment frame (`: ping`): clients ignore it; it keeps proxies from closing an idle stream.
    static let heartbeat = ": ping\n\n"

    /// How long a client should wait before reconnecting after the stream drops (`retry: <ms>`).
    static func retry(after delay: Duration) -> String {
        let milliseconds = delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000
        return "retry: \(milliseconds)\n\n"
    }
}
