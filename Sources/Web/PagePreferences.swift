import Charts

/// The reader's display choices: language and which colour means up. A query parameter
/// (`?lang=en|zh`, `?colors=cn|us`) sets one and is remembered in a cookie, so the choice holds on
/// the following pages without carrying it in every link.
public struct PagePreferences: Sendable, Equatable {
    public var language: Language
    public var colors: ColorConvention
    /// The (name, value) cookies to set: the choices the query made on this request.
    public var cookiesToSet: [(name: String, value: String)]

    public static let languageCookie = "huice_lang"
    public static let colorsCookie = "huice_colors"

    /// Query first, then the cookie, then the defaults (Chinese, red up). Unknown values are ignored.
    public init(query: FormFields, cookie: (String) -> String?) {
        cookiesToSet = []
        if let given = query["lang"].flatMap(Language.init(rawValue:)) {
            language = given
            cookiesToSet.append((Self.languageCookie, given.rawValue))
        } else {
            language = cookie(Self.languageCookie).flatMap(Language.init(rawValue:)) ?? .zh
        }
        if let given = query["colors"].flatMap(Self.colors(named:)) {
            colors = given
            cookiesToSet.append((Self.colorsCookie, Self.name(of: given)))
        } else {
            colors = cookie(Self.colorsCookie).flatMap(Self.colors(named:)) ?? .chinese
        }
    }

    /// `cn` (red up) or `us` (green up): short names for a URL.
    public static func colors(named name: String) -> ColorConvention? {
        switch name {
        case "cn": .chinese
        case "us": .western
        default: nil
        }
    }

    public static func name(of colors: ColorConvention) -> String { colors == .chinese ? "cn" : "us" }

    public static func == (lhs: PagePreferences, rhs: PagePreferences) -> Bool {
        lhs.language == rhs.language && lhs.colors == rhs.colors
            && lhs.cookiesToSet.elementsEqual(rhs.cookiesToSet) { $0 == $1 }
    }
}
