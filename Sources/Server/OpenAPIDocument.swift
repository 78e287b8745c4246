import Foundation

/// The OpenAPI 3.1 description of the API (`Resources/openapi.json`, also `docs/openapi.json`),
/// served as is at `GET /api/v1/openapi.json`. It is written by hand; `ServerTests` checks that
/// its paths and methods are exactly the router's and that each request has a schema.
public enum OpenAPIDocument {
    /// The document's bytes.
    public static var data: Data {
        get throws {
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "openapi.json (Server resources)"])
            }
            return try Data(contentsOf: url)
        }
    }
}
