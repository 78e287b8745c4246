import Factors
import Foundation

/// `/configs`: one page of the stored factor configs, oldest first, with links to create, edit
/// and delete.
struct ConfigListPage {
    var page: FactorConfigPage

    static let pageSize = 20

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let pages = max(1, (page.total + page.size - 1) / page.size)
        let rows: [Markup] = page.configs.map { config in
            let weights = config.allFactors.map { name in
                name + " " + DisplayNumber.decimal(config.factorWeights[name] ?? .nan, digits: 2)
            }
            let edit = WebRequest.link("/configs/" + config.configID + "/edit")
            let delete = WebRequest.link("/configs/" + config.configID + "/delete")
            return """
                <tr><td>\(config.configID)</td><td><a href="\(WebRequest.link("/data/stock/" + config.stockCode.rawValue))">\(config.stockCode.rawValue)</a></td>\
                <td>\(weights.joined(separator: ", "))</td><td>\(config.description ?? "")</td>\
                <td>\(Self.timestamp(config.updatedAt))</td><td><a href="\(edit)">\(t[.edit])</a> <a href="\(delete)">\(t[.delete])</a></td></tr>
                """
        }
        let table: Markup = rows.isEmpty ? "<p class=\"card\">\(t[.noConfigs])</p>" : """
            <div class="table-scroll"><table><thead><tr><th scope="col">\(t[.configID])</th><th scope="col">\(t[.stockCode])</th>\
            <th scope="col">\(t[.factors])</th><th scope="col">\(t[.description])</th><th scope="col">\(t[.updatedAt])</th>\
            <th scope="col">\(t[.actions])</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        var pager: [Markup] = []
        if page.page > 1 { pager.append("<a href=\"\(WebRequest.link("/configs", [("page", String(page.page - 1))]))\">\(t[.previousPage])</a>") }
        if page.page < pages { pager.append("<a href=\"\(WebRequest.link("/configs", [("page", String(page.page + 1))]))\">\(t[.nextPage])</a>") }
        return Page(title: t[.configsTitle], section: .configs, content: """
            <h1>\(t[.configsTitle])</h1>
            <p><a class="button" href="/configs/new">\(t[.newConfig])</a></p>
            <p class="note">\(t[.configsShown, DisplayNumber.grouped(page.total), String(page.page), String(pages)])</p>
            \(table)
            <p>\(pager)</p>
            """)
    }

    /// `2024-01-07 10:00:00` (UTC, as the API's timestamps).
    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
    }
}
