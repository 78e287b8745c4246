/// Why `huice serve` cannot start.
public enum ServeError: Error, Equatable, CustomStringConvertible {
    /// `--database` names a store this build cannot open.
    case unsupportedDatabase(String)
    /// `--host`/`--port` or another option is out of range.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .unsupportedDatabase(let reason): "--database: \(reason)"
        case .invalidOption(let reason): reason
        }
    }
}
