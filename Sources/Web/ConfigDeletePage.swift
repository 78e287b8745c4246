import Factors

/// `/configs/{id}/delete`: asks before deleting; the button posts to the same path.
struct ConfigDeletePage {
    var config: FactorConfig

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let action = WebRequest.link("/configs/" + config.configID + "/delete")
        return Page(title: t[.deleteTitle], section: .configs, content: """
            <h1>\(t[.deleteTitle])</h1>
            <form class="card" method="post" action="\(action)">
            <p>\(t[.deleteConfirm, config.configID, config.stockCode.rawValue])</p>
            <p><button type="submit">\(t[.delete])</button> <a class="button secondary" href="/configs">\(t[.cancel])</a></p>
            </form>
            """)
    }
}
