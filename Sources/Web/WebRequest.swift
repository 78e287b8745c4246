/// What a page handler reads from a request, independent of Hummingbird's context type: the path,
/// the query and form fields, the route's parameters and the reader's preferences.
public struct WebRequest: Sendable {
    public var path: String
    public var query: FormFields
    /// The form-encoded body of a POST; empty otherwise.
    public var form: FormFields
    /// Route parameters by name (`code` in `/data/stock/{code}`).
    public var parameters: [String: String]
    public var preferences: PagePreferences
    /// A POST's body as sent (a `multipart/form-data` upload is parsed from this); empty otherwise.
    public var body: [UInt8]
    /// A POST's `Content-Type` header, nil when absent.
    public var contentType: String?
    /// The largest body the server accepts (the request context's `maxUploadSize`), for pages
    /// that say the limit.
    public var maxUploadSize: Int

    public init(path: String, query: FormFields = FormFields(), form: FormFields = FormFields(),
                parameters: [String: String] = [:], body: [UInt8] = [], contentType: String? = nil,
                maxUploadSize: Int = WebRequest.defaultMaxUploadSize, cookie: (String) -> String? = { _ in nil }) {
        self.path = path
        self.query = query
        self.form = form
        self.parameters = parameters
        self.body = body
        self.contentType = contentType
        self.maxUploadSize = maxUploadSize
        preferences = PagePreferences(query: query, cookie: cookie)
    }

    /// Hummingbird's default `maxUploadSize` (2 MiB).
    public static let defaultMaxUploadSize = 2 << 20

    public var i18n: I18n { I18n(preferences.language) }

    /// `path` with `fields` as its query (values percent-encoded); empty values are left out.
    public static func link(_ path: String, _ fields: [(name: String, value: String)] = []) -> String {
        let query = fields.filter { !$0.value.isEmpty }
            .map { FormFields.encode($0.name) + "=" + FormFields.encode($0.value) }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// This page again with `name` set to `value` and the rest of the query kept (the language
    /// and colour switches keep a search or a zoom). The other preference is not repeated: the
    /// cookie remembers it.
    public func link(setting name: String, to value: String) -> String {
        let kept = query.pairs.filter { $0.name != name && $0.name != "lang" && $0.name != "colors" }
        return Self.link(path, kept + [(name: name, value: value)])
    }
}
