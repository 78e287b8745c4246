/// The HTML answers for a missing page or stock and for a failed request: a browser gets a page
/// in the reader's language with the navigation, not the JSON API's envelope.
public enum ErrorPage {
    public static func notFound(_ message: String, for request: WebRequest) -> Page {
        let t = request.i18n
        return Page(title: t[.notFoundTitle], section: nil, content: """
            <h1>\(t[.notFoundTitle])</h1>
            <div class="card"><p>\(message)</p><p><a href="/data">\(t[.backToList])</a></p></div>
            """)
    }

    public static func serverError(for request: WebRequest) -> Page {
        let t = request.i18n
        return Page(title: t[.serverErrorTitle], section: nil, content: """
            <h1>\(t[.serverErrorTitle])</h1>
            <div class="card"><p>\(t[.serverErrorBody])</p></div>
            """)
    }
}
