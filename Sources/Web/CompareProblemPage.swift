/// Why `/backtests/compare` cannot show a comparison, in so many words: too few or too many
/// tasks (400), tasks that do not exist (404), tasks without results yet (409, with each one's
/// state). A reader who ticked the wrong boxes learns which, and gets back to the task list.
struct CompareProblemPage {
    var title: I18n.Key
    /// The sentences, already in the reader's language.
    var messages: [String]

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let lines: [Markup] = messages.map { "<p class=\"error\">\($0)</p>" }
        return Page(title: t[title], section: .backtests, content: """
            <h1>\(t[title])</h1>
            <div class="card">\(lines)<p><a href="/backtests">\(t[.reportBackToTasks])</a></p></div>
            """)
    }
}
