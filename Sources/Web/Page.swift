import Charts

/// One HTML page: the shared layout (header with the navigation and the language and colour
/// switches, main content, footer) around a page's content. Every page goes through here, so all
/// share one look, one stylesheet and the same accessibility furniture.
public struct Page: Sendable {
    /// The navigation's sections; a page names the one it belongs to.
    public enum Section: Sendable, CaseIterable {
        case data
        case configs
        case backtests

        var path: String {
            switch self {
            case .data: "/data"
            case .configs: "/configs"
            case .backtests: "/backtests"
            }
        }

        var label: I18n.Key {
            switch self {
            case .data: .navData
            case .configs: .navConfigs
            case .backtests: .navBacktests
            }
        }
    }

    public var title: String
    public var section: Section?
    public var content: Markup

    public init(title: String, section: Section?, content: Markup) {
        self.title = title
        self.section = section
        self.content = content
    }

    /// The whole document for `request` (its language, colours and current link).
    public func html(for request: WebRequest) -> String {
        let t = request.i18n
        let preferences = request.preferences
        let nav: [Markup] = Section.allCases.map { item in
            let current: Markup = item == section ? #" aria-current="page""# : ""
            return "<li><a href=\"\(item.path)\"\(current)>\(t[item.label])</a></li>"
        }
        let languages: [Markup] = Language.allCases.map { language in
            let label = language == .zh ? "中文" : "English"
            let current: Markup = language == preferences.language ? #" aria-current="true""# : ""
            return "<a href=\"\(request.link(setting: "lang", to: language.rawValue))\" lang=\"\(language.tag)\"\(current)>\(label)</a>"
        }
        let colorLinks: [Markup] = ColorConvention.allCases.map { colors in
            let current: Markup = colors == preferences.colors ? #" aria-current="true""# : ""
            let label = t[colors == .chinese ? .colorsChinese : .colorsWestern]
            return "<a href=\"\(request.link(setting: "colors", to: PagePreferences.name(of: colors)))\"\(current)>\(label)</a>"
        }
        let document: Markup = """
            <!DOCTYPE html>
            <html lang="\(preferences.language.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,">
            <title>\(title) · \(t[.siteName])</title>
            <style>\(Markup(trusted: PageStyle.css(colors: preferences.colors)))</style>
            </head>
            <body>
            <a class="skip" href="#content">\(t[.skipToContent])</a>
            <header class="site"><div class="wrap">
            <a class="brand" href="/data">\(t[.siteName])</a>
            <nav class="main" aria-label="\(t[.mainNavigation])"><ul>\(nav)</ul></nav>
            <div class="switches">
            <div><span>\(t[.language])</span>\(languages)</div>
            <div><span>\(t[.colors])</span>\(colorLinks)</div>
            </div>
            </div></header>
            <main id="content" tabindex="-1"><div class="wrap">
            \(content)
            </div></main>
            <footer class="site"><div class="wrap">\(t[.footer])</div></footer>
            </body>
            </html>

            """
        return document.html
    }
}
