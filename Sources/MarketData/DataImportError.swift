import HuiceCore

/// A data file (or a row in it) that cannot be imported, with the file, line, field and reason.
public struct DataImportError: LocatedError, Equatable {
    public var location: ErrorLocation
    public var reason: String

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, stock: String? = nil,
                date: String? = nil, reason: String) {
        location = ErrorLocation(file: file, line: line, field: field, stock: stock, date: date)
        self.reason = reason
    }
}
