/// `huice serve`'s options (the flags are a contract: --host, --port, --data-dir, --database).
public struct ServeOptions: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// Holds the default store `huice.sqlite` (created when missing).
    public var dataDirectory: String
    /// Another store instead of the default one: an SQLite path, or (with the PostgreSQL
    /// backend) a postgres:// URL. Such a store is used as it is: no sample import.
    public var databaseURL: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "./huice-data",
                databaseURL: String? = nil) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
    }
}
