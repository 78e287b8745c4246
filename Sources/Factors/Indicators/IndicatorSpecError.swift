import Foundation
import HuiceCore

/// A spec such as `macd:12:a:9` that names no indicator Huice knows or gives bad parameters. The
/// description is `<spec>: <reason>`, e.g. `macd:12:a:9: parameter 2 'a' is not an integer`.
public struct IndicatorSpecError: LocatedError, Equatable {
    /// The spec as written (trimmed).
    public var spec: String
    public var reason: String

    public init(spec: String, reason: String) {
        self.spec = spec
        self.reason = reason
    }

    public var location: ErrorLocation { ErrorLocation(field: spec.isEmpty ? nil : spec) }

    public var description: String { spec.isEmpty ? reason : "\(spec): \(reason)" }
}

extension IndicatorSpecError: LocalizedError {
    public var errorDescription: String? { description }
}
