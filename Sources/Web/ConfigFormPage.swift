import Factors

/// `/configs/new`: a stock code, a description and, per factor category, the registry's factors
/// with a tick box and a weight each. After a rejected post it shows the form as sent with the
/// validator's issues next to the fields they name (and all of them in a summary on top).
struct ConfigFormPage {
    /// The fields as sent (empty for a new form).
    var form: FormFields
    /// Problems to show: (field as the validator names it, text).
    var issues: [(field: String, text: String)]

    /// The draft a posted form describes: ticked factors listed under their categories, every
    /// non-empty weight (a weight that is not a number becomes NaN, which the validator rejects
    /// like the API does a non-finite weight).
    static func draft(from form: FormFields) -> FactorConfigDraft {
        let ticked = Set(form.list("factor"))
        func listed(_ category: FactorCategory) -> [String] { FactorRegistry.names(in: category).filter(ticked.contains) }
        var weights: [String: Double] = [:]
        for definition in FactorRegistry.all {
            guard let text = form.trimmed("weight." + definition.name) else { continue }
            weights[definition.name] = Double(text) ?? .nan
        }
        return FactorConfigDraft(stockCode: form.trimmed("stock_code"), technicalFactors: listed(.technical),
                                 fundamentalFactors: listed(.fundamental), marketFactors: listed(.market),
                                 sentimentFactors: listed(.sentiment), factorWeights: weights,
                                 description: form.trimmed("description"))
    }

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let summary: Markup = issues.isEmpty ? "" : """
            <div class="card" role="alert"><p class="error">\(t[.formErrors])</p><ul>\(issues.map { "<li>\($0.text)</li>" as Markup })</ul></div>
            """
        let ticked = Set(form.list("factor"))
        let categories: [Markup] = FactorCategory.allCases.map { category in
            let rows: [Markup] = FactorRegistry.all.filter { $0.category == category }.map { definition in
                let name = definition.name
                let checked: Markup = ticked.contains(name) ? " checked" : ""
                return """
                    <tr><td><label><input type="checkbox" name="factor" value="\(name)"\(checked)> \(name)</label></td>\
                    <td class="muted">\(definition.summary)</td>\
                    <td><input type="number" step="any" name="weight.\(name)" value="\(form["weight." + name] ?? "")" \
                    aria-label="\(t[.weight]) \(name)" size="6">\(errors(at: "factor_weights.\(name)"))</td></tr>
                    """
            }
            return """
                <h2>\(t[Self.label(of: category)])</h2>\(errors(prefix: category.rawValue + "_factors"))
                <div class="table-scroll"><table><thead><tr><th scope="col">\(t[.factors])</th><th scope="col">\(t[.description])</th>\
                <th scope="col">\(t[.weight])</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """
        }
        return Page(title: t[.newConfig], section: .configs, content: """
            <p><a href="/configs">\(t[.configsTitle])</a></p>
            <h1>\(t[.newConfig])</h1>
            \(summary)
            <form method="post" action="/configs">
            <div class="card inline">
            <label class="field">\(t[.stockCode])<input type="text" name="stock_code" value="\(form["stock_code"] ?? "")" placeholder="000001.SZ" required>\(errors(at: "stock_code"))</label>
            <label class="field">\(t[.description])<input type="text" name="description" value="\(form["description"] ?? "")" size="40">\(errors(at: "description"))</label>
            </div>
            <p class="note">\(t[.weightHint])</p>\(errors(at: "factor_weights"))\(errors(at: "factors"))
            \(categories)
            <p><button type="submit">\(t[.save])</button> <a class="button secondary" href="/configs">\(t[.cancel])</a></p>
            </form>
            """)
    }

    /// The issues about exactly `field`, inline.
    private func errors(at field: String) -> Markup {
        let texts = issues.filter { $0.field == field }.map(\.text)
        return texts.isEmpty ? "" : "<span class=\"error\">\(texts.joined(separator: "; "))</span>"
    }

    /// The issues about any element of a list field (`technical_factors[0]`, …).
    private func errors(prefix: String) -> Markup {
        let texts = issues.filter { $0.field.hasPrefix(prefix) }.map(\.text)
        return texts.isEmpty ? "" : "<p class=\"error\">\(texts.joined(separator: "; "))</p>"
    }

    static func label(of category: FactorCategory) -> I18n.Key {
        switch category {
        case .technical: .categoryTechnical
        case .fundamental: .categoryFundamental
        case .market: .categoryMarket
        case .sentiment: .categorySentiment
        }
    }
}
