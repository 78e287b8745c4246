import AsyncAlgorithms
import Foundation
import Hummingbird
import NIOCore
import Service
import ServiceLifecycle

/// The body of `GET /api/v1/backtest/events?batch_id=…`: a `retry:` hint, the batch status at
/// connect time as event `batch_status`, then the batch's live events as they come, with a
/// `: ping` comment every `heartbeat`; the stream ends after `batch_completed` (or at once when
/// the batch had already finished, or when the event source ends or the server shuts down).
struct BatchEventStream<Event: NamedEvent>: Sendable {
    /// The batch status's JSON (the first event's data).
    var snapshot: Data
    var events: AsyncStream<Event>
    var heartbeat: Duration
    var retry: Duration

    /// The event that ends a stream.
    static var completionEvent: String { "batch_completed" }

    /// Whether the status JSON says the batch is over: its `status` is no longer one of the
    /// live task states (pending, queued, running). Then no more events will come.
    static func isFinished(snapshot: Data) -> Bool {
        let live = Set([TaskState.pending, .queued, .running].map(\.rawValue))
        guard let object = try? JSONSerialization.jsonObject(with: snapshot) as? [String: Any],
              let status = object["status"] as? String else { return false }
        return !live.contains(status)
    }

    /// The frames before the live part.
    var prelude: String {
        ServerSentEvent.retry(after: retry)
            + ServerSentEvent(event: "batch_status", data: String(decoding: snapshot, as: UTF8.self)).text
    }

    var body: ResponseBody {
        let stream = self
        return ResponseBody { writer in
            try await writer.write(ByteBuffer(string: stream.prelude))
            if !Self.isFinished(snapshot: stream.snapshot) {
                // Relayed events merged with heartbeats, cut short by a graceful shutdown so an
                // open stream never holds the server up.
                let relayed = stream.events.map { Frame(event: $0) }
                let ticks = AsyncTimerSequence(interval: stream.heartbeat, clock: ContinuousClock()).map { _ in Frame.heartbeat }
                for try await frame in merge(relayed, ticks).cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: frame.text))
                    if frame.endsStream { break }
                }
            }
            try await writer.finish(nil)
        }
    }

    /// One frame of the live part.
    struct Frame: Sendable {
        var text: String
        var endsStream: Bool

        static var heartbeat: Frame { Frame(text: ServerSentEvent.heartbeat, endsStream: false) }

        /// `event: <name>` with the event's JSON as data. Encoding an event cannot fail for the
        /// Service's types; if one ever did, the frame says so instead of dropping it silently.
        init(event: Event) {
            let data = (try? JSONResponse.encode(event)).map { String(decoding: $0, as: UTF8.self) }
                ?? #"{"error":"event could not be encoded"}"#
            self.init(text: ServerSentEvent(event: event.event, data: data).text,
                      endsStream: event.event == BatchEventStream.completionEvent)
        }

        init(text: String, endsStream: Bool) {
            self.text = text
            self.endsStream = endsStream
        }
    }
}
