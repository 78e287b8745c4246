import Foundation

/// Where a store lives: an SQLite file (the embedded default) or a PostgreSQL database.
///
/// Written on the command line (`--database`, `--into`, `--store`) as one of
/// - `postgres://USER:PASSWORD@HOST:PORT/DATABASE` or `postgresql://…`, optionally with
///   `?sslmode=disable` and `&schema=NAME` (see `PostgresStoreDatabase`);
/// - `sqlite://PATH` or `sqlite:PATH` (`sqlite:///abs/path` is the absolute `/abs/path`);
/// - a plain file path, or `:memory:` for a private in-memory SQLite store.
public enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// Parses `text`, throwing a `StorageError` that says what is wrong: an empty text, a URL
    /// scheme other than postgres/postgresql/sqlite, or a PostgreSQL URL without user or host, with
    /// a bad port, an unknown `sslmode` or an unknown parameter.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw StorageError(reason: "the store location is empty (a file path or a postgres:// URL)") }
        guard let colon = trimmed.firstIndex(of: ":"), Self.isScheme(trimmed[..<colon]) else {
            self = .sqlite(path: trimmed)
            return
        }
        let scheme = trimmed[..<colon].lowercased()
        let rest = trimmed[trimmed.index(after: colon)...]
        let shown = PostgresURL.redacting(trimmed)
        switch scheme {
        case "sqlite":
            let path = rest.hasPrefix("//") ? String(rest.dropFirst(2)) : String(rest)
            guard !path.isEmpty else { throw StorageError(file: shown, reason: "the sqlite: location names no file (sqlite:PATH or sqlite:///ABSOLUTE/PATH)") }
            self = .sqlite(path: path)
        case _ where PostgresURL.schemes.contains(scheme):
            _ = try PostgresURL(parsing: trimmed)
            self = .postgres(url: trimmed)
        case _ where rest.hasPrefix("//"):
            throw StorageError(file: shown, reason: "the scheme '\(scheme)' is not a store (postgres://, postgresql://, sqlite:// or a file path)")
        default:
            // `name:with-colon` without `//` is a file name, not a URL.
            self = .sqlite(path: trimmed)
        }
    }

    /// The location for messages: the path, or the URL without its password.
    public var displayName: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): (try? PostgresURL(parsing: url).redacted) ?? PostgresURL.redacting(url)
        }
    }

    /// A URL scheme per RFC 3986: a letter, then letters, digits, `+`, `-` or `.`; at least two
    /// characters so a Windows-style drive letter never counts.
    private static func isScheme(_ text: Substring) -> Bool {
        guard text.count >= 2, let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
