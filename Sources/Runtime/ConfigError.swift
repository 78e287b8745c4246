import HuiceCore

/// A backtest configuration that cannot run: the file, the key path (`fee_config.commission_rate`)
/// and the reason.
public struct ConfigError: LocatedError, Equatable {
    public var location: ErrorLocation
    public var reason: String

    public init(file: String? = nil, field: String? = nil, reason: String) {
        location = ErrorLocation(file: file, field: field)
        self.reason = reason
    }
}
