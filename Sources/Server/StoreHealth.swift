/// What `/healthz` says about the store: reachable, which engine, which schema version.
public struct StoreHealth: Sendable, Encodable, Equatable {
    public var status: String
    public var dialect: String
    public var schemaVersion: Int

    public init(status: String = "ok", dialect: String, schemaVersion: Int) {
        self.status = status
        self.dialect = dialect
        self.schemaVersion = schemaVersion
    }

    enum CodingKeys: String, CodingKey { case status, dialect, schemaVersion = "schema_version" }
}
