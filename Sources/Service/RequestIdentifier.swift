import HuiceCore

/// The bodies that only name a task or a batch (`{"task_id": …}`, `{"batch_id": …}`).
public enum RequestIdentifier {
    /// The non-empty string `key` of `body`, the only key allowed.
    public static func parse(_ body: JSONValue, key: String) throws(RequestError) -> String {
        let fields = try RequestBody(body)
        try fields.rejectUnknown(known: [key])
        guard let value = try fields.string(key), !value.isEmpty else { throw RequestError.missing(key) }
        return value
    }
}
