/// The column names of a delimited file, looked up by name so column order never matters.
struct CSVHeader: Sendable, Equatable {
    /// Names as written (trimmed, quotes removed), for error messages.
    let names: [String]
    /// Lower-cased names (ASCII only; Chinese names are unchanged), for lookups.
    let keys: [String]

    init(names: [String]) {
        self.names = names
        keys = names.map { $0.lowercased() }
    }

    /// Reads the header from the scanner's current line.
    init(_ scanner: FieldScanner) {
        self.init(names: (0..<scanner.fieldCount).map { scanner.text($0) })
    }

    /// Index of the first column named any of `candidates` (case-insensitive).
    func index(_ candidates: String...) -> Int? { index(of: candidates) }

    func index(of candidates: [String]) -> Int? {
        for candidate in candidates {
            if let i = keys.firstIndex(of: candidate.lowercased()) { return i }
        }
        return nil
    }

    func contains(_ names: [String]) -> Bool { names.allSatisfy { keys.contains($0.lowercased()) } }

    /// The header as one line, for messages about unrecognised files.
    var joined: String { names.joined(separator: ",") }
}
