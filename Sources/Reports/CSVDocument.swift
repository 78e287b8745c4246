import Foundation

/// An RFC 4180 table: a header row and data rows of text fields.
///
/// Records end with CRLF, RFC 4180's line break, on every record including the last; a field is
/// quoted when it holds a comma, a double quote, CR or LF (quotes doubled inside), and only then,
/// so plain exports stay diffable. Line breaks inside a quoted field are kept as given.
public struct CSVDocument: Sendable, Equatable {
    public struct Options: Sendable, Equatable {
        /// Starts the bytes with the UTF-8 byte order mark, which Excel needs to read UTF-8 (a
        /// stock name in Chinese) instead of the system code page. Off by default: other readers
        /// (pandas without `utf-8-sig`, csvkit) take the BOM as part of the first header.
        public var includesByteOrderMark: Bool

        public init(includesByteOrderMark: Bool = false) {
            self.includesByteOrderMark = includesByteOrderMark
        }

        /// For opening in Excel: with the byte order mark.
        public static let excel = Options(includesByteOrderMark: true)
    }

    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Renders typed report rows with `ReportValue.csvText`.
    public init<Row>(columns: [ReportColumn<Row>], rows: [Row]) {
        let table = columns.table(of: rows)
        self.init(header: table.header, rows: table.rows.map { $0.map(\.csvText) })
    }

    /// The records joined with CRLF, the last one terminated too.
    public var text: String {
        var text = ""
        for record in [header] + rows {
            text += record.map(Self.escaped).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// The text in UTF-8, with the byte order mark first when the options ask for it.
    public func data(options: Options = Options()) -> Data {
        var data = Data(options.includesByteOrderMark ? [0xEF, 0xBB, 0xBF] : [])
        data.append(contentsOf: Array(text.utf8))
        return data
    }

    /// `field` as one RFC 4180 field: quoted (with inner quotes doubled) when it holds a comma, a
    /// quote, CR or LF.
    public static func escaped(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
