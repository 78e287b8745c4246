import HuiceCore

/// Why `huice indicators` cannot produce its table: an unknown or malformed stock, specs whose
/// columns collide, an output that cannot be written. Bad specs themselves are
/// `IndicatorSpecError`s.
public struct IndicatorTableError: LocatedError, Equatable {
    public var location: ErrorLocation
    public var reason: String

    public init(file: String? = nil, field: String? = nil, stock: String? = nil, reason: String) {
        location = ErrorLocation(file: file, field: field, stock: stock)
        self.reason = reason
    }
}
