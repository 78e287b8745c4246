import Hummingbird
import Logging

/// The request context of every Huice route: Hummingbird's core storage plus the request id the
/// `RequestIDMiddleware` assigns (echoed in `X-Request-ID`, logged as `request_id`, and named in
/// 500 envelopes so a client's report can be matched to the log line).
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Empty until `RequestIDMiddleware` has run.
    public var requestID: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        requestID = ""
    }

    /// Request bodies are small JSON documents; 1 MiB is far above any legitimate one.
    public static let uploadLimit = 1 << 20

    public var maxUploadSize: Int { Self.uploadLimit }
}
