import Foundation

/// A checked PostgreSQL connection URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT][/DATABASE][?sslmode=MODE&schema=NAME]` (`postgresql://`
/// too). The port defaults to 5432 and the database to the user name, as with libpq. `sslmode`
/// takes libpq's names (`disable`, `allow`, `prefer`, `require`, `verify-ca`, `verify-full`);
/// whenever TLS is used the server's certificate is verified in full. `schema` (Huice's own
/// parameter) puts the store's tables in that schema: it becomes the connections' `search_path`.
struct PostgresURL: Sendable, Equatable {
    enum TLSMode: String, Sendable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection.
        case require
    }

    var scheme: String
    var user: String
    var password: String?
    var host: String
    var port: Int
    var database: String
    var tls: TLSMode
    /// The `sslmode` as written, kept for `redacted`.
    var sslModeText: String?
    var schema: String?

    static let schemes = ["postgres", "postgresql"]
    static let defaultPort = 5432

    /// Parses `text`, saying what is wrong when it is not a usable PostgreSQL URL.
    init(parsing text: String) throws(StorageError) {
        func fail(_ reason: String) -> StorageError {
            StorageError(file: Self.redacting(text), reason: reason)
        }
        let example = "postgres://USER:PASSWORD@HOST:PORT/DATABASE"
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw fail("not a valid URL (expected \(example))")
        }
        guard Self.schemes.contains(scheme) else {
            throw fail("the scheme '\(scheme)' is not PostgreSQL's (postgres:// or postgresql://)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw fail("the URL names no user (expected \(example))")
        }
        guard var host = components.host, !host.isEmpty else {
            throw fail("the URL names no host (expected \(example))")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }  // IPv6 literal
        let port = components.port ?? Self.defaultPort
        guard (1...65_535).contains(port) else { throw fail("the port \(port) is not between 1 and 65535") }
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        guard !path.contains("/") else { throw fail("the database name '\(path)' contains '/'") }
        guard components.fragment == nil else { throw fail("a PostgreSQL URL takes no '#' fragment") }

        var tls = TLSMode.prefer
        var sslModeText: String?
        var schema: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                let value = item.value ?? ""
                switch value {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default:
                    throw fail("sslmode '\(value)' is not one of disable, allow, prefer, require, verify-ca, verify-full")
                }
                sslModeText = value
            case "schema":
                let value = item.value ?? ""
                guard Self.isPlainIdentifier(value) else {
                    throw fail("schema '\(value)' must be a lower-case SQL identifier (letters a-z, digits, '_'; not starting with a digit)")
                }
                schema = value
            default:
                throw fail("unknown URL parameter '\(item.name)' (accepted: sslmode, schema)")
            }
        }
        self.scheme = scheme
        self.user = user
        password = components.password
        self.host = host
        self.port = port
        database = path.isEmpty ? user : path
        self.tls = tls
        self.sslModeText = sslModeText
        self.schema = schema
    }

    /// The URL without the password, with port and database spelled out: what error messages and
    /// `StoreDatabase.location` show.
    var redacted: String {
        var components = URLComponents()
        components.scheme = scheme
        components.user = user
        components.host = host.contains(":") ? "[\(host)]" : host
        components.port = port
        components.path = "/" + database
        var items: [URLQueryItem] = []
        if let sslModeText { items.append(URLQueryItem(name: "sslmode", value: sslModeText)) }
        if let schema { items.append(URLQueryItem(name: "schema", value: schema)) }
        if !items.isEmpty { components.queryItems = items }
        return components.string ?? "\(scheme)://\(user)@\(host):\(port)/\(database)"
    }

    /// `text` with any password between `://user:` and `@` replaced by `***`, for messages about
    /// URLs that did not parse.
    static func redacting(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://"),
              let at = text[schemeEnd.upperBound...].lastIndex(of: "@"),
              let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":")
        else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }

    /// Letters a-z, digits and `_`, not starting with a digit: needs no quoting in `search_path`.
    static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first), text.utf8.count <= 63 else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
