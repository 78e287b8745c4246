extension ErrorPage {
    /// A POST body over the server's upload limit (413): the limit, and that nothing was saved,
    /// with a way back to the import form.
    public static func tooLarge(for request: WebRequest) -> Page {
        let t = request.i18n
        return Page(title: t[.uploadTooLargeTitle], section: nil, content: """
            <h1>\(t[.uploadTooLargeTitle])</h1>
            <div class="card" role="alert"><p>\(t[.uploadTooLarge, DataImportPage.byteSize(request.maxUploadSize)])</p>
            <p><a href="\(DataPages.importPath)">\(t[.importTitle])</a></p></div>
            """)
    }

    /// A path no route has: the path, in the reader's language.
    public static func pageNotFound(for request: WebRequest) -> Page {
        notFound(request.i18n[.pageNotFound, request.path], for: request)
    }
}
