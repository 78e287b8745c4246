/// Where a problem is: any of file, line, field (column or JSON key), stock and date.
public struct ErrorLocation: Sendable, Hashable, Codable {
    public var file: String?
    public var line: Int?
    public var field: String?
    public var stock: String?
    public var date: String?

    public init(file: String? = nil, line: Int? = nil, field: String? = nil, stock: String? = nil, date: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.stock = stock
        self.date = date
    }
}

extension ErrorLocation: CustomStringConvertible {
    /// `daily.csv:12: field 'close', stock 600000.SH, date 20240107`.
    public var description: String {
        var head = ""
        if let file { head = file }
        if let line { head += head.isEmpty ? "line \(line)" : ":\(line)" }
        var parts: [String] = []
        if let field { parts.append("field '\(field)'") }
        if let stock { parts.append("stock \(stock)") }
        if let date { parts.append("date \(date)") }
        if head.isEmpty { return parts.joined(separator: ", ") }
        return parts.isEmpty ? head : head + ": " + parts.joined(separator: ", ")
    }
}

/// An error that says where and why. The CLI prints `description`; the HTTP layer maps
/// `location.field` and `reason` to the seed's `details {field, reason}`.
public protocol LocatedError: Error, CustomStringConvertible, Sendable {
    var location: ErrorLocation { get }
    var reason: String { get }
}

extension LocatedError {
    public var description: String {
        let place = location.description
        return place.isEmpty ? reason : "\(place): \(reason)"
    }
}
