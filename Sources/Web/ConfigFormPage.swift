import Factors

/// `/configs/new` and `/configs/{id}/edit`: a stock code, a description and, per factor category,
/// the registry's factors with a tick box and a weight each. After a rejected post it shows the
/// form as sent with the validator's issues next to the fields they name (and all of them in a
/// summary on top). A small inline script shows the ticked weights' sum as the reader types; the
/// page works without it, and the server's validator decides.
struct ConfigFormPage {
    /// The fields as sent (empty for a new form; the stored config's for an edit).
    var form: FormFields
    /// Problems to show: (field as the validator names it, text).
    var issues: [(field: String, text: String)]
    /// The config being edited; nil for a new one.
    var editing: String? = nil
    /// How far the weight sum may be from 1 (the validator's `weightTolerance`), for the live sum.
    var weightTolerance: Double = FactorConfigValidator.Options().weightTolerance
    /// The edited config's factor parameters, kept by an edit (`rsi(period=14)`, …).
    var keptParameters: [String] = []

    /// The form of a stored config: its stock, description, factors and weights.
    static func fields(of config: FactorConfig) -> FormFields {
        var pairs: [(name: String, value: String)] = [("stock_code", config.stockCode.rawValue), ("description", config.description ?? "")]
        for name in config.allFactors {
            pairs.append(("factor", name))
            if let weight = config.factorWeights[name] { pairs.append(("weight." + name, String(describing: weight))) }
        }
        return FormFields(pairs)
    }

    /// `rsi(period=14)` for each factor of `config` with parameters, in listing order.
    static func parameterTexts(of config: FactorConfig) -> [String] {
        config.allFactors.compactMap { name in
            guard let parameters = config.factorParams[name], !parameters.isEmpty else { return nil }
            let listed = parameters.keys.sorted().map { "\($0)=\(String(describing: parameters[$0]!))" }
            return name + "(" + listed.joined(separator: ", ") + ")"
        }
    }

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
        let title = editing == nil ? t[.newConfig] : t[.editConfig]
        let action = editing.map { WebRequest.link("/configs/" + $0 + "/edit") } ?? "/configs"
        let keptText = t[.paramsKept, keptParameters.joined(separator: ", ")]
        let kept: Markup = keptParameters.isEmpty ? "" : "<p class=\"note\">\(keptText)</p>"
        let sum: Markup = """
            <p class="weight-sum" id="weight-sum" role="status" aria-live="polite" data-label="\(t[.weightSum, "{0}"])" \
            data-off="\(t[.weightSumOff])" data-missing="\(t[.weightMissing])" data-tolerance="\(String(describing: weightTolerance))" hidden></p>
            """
        return Page(title: title, section: .configs, content: """
            <p><a href="/configs">\(t[.configsTitle])</a></p>
            <h1>\(title)</h1>
            \(summary)
            <form method="post" action="\(action)" id="config-form">
            <div class="card inline">
            <label class="field">\(t[.stockCode])<input type="text" name="stock_code" value="\(form["stock_code"] ?? "")" placeholder="000001.SZ" required>\(errors(at: "stock_code"))</label>
            <label class="field">\(t[.description])<input type="text" name="description" value="\(form["description"] ?? "")" size="40">\(errors(at: "description"))</label>
            </div>
            <p class="note">\(t[.weightHint])</p>\(kept)\(sum)\(errors(at: "factor_weights"))\(errors(at: "factors"))
            \(categories)
            <p><button type="submit">\(t[.save])</button> <a class="button secondary" href="/configs">\(t[.cancel])</a></p>
            </form>
            <script>\(Markup(trusted: Self.weightSumScript))</script>
            """)
    }

    /// Shows `#weight-sum` (hidden without script) and keeps it at the sum of the ticked
    /// factors' weights: `权重合计 0.70 / 1`, marked (`.error` and the `data-off` text) when the
    /// sum is more than `data-tolerance` from 1, or (`data-missing`) when a ticked weight is
    /// missing or not a number.
    /// Plain ES5 with no outside reference, so it runs in any browser and a saved page.
    static let weightSumScript = """
        (function () {
          var form = document.getElementById("config-form");
          var out = document.getElementById("weight-sum");
          if (!form || !out) { return; }
          var tolerance = parseFloat(out.getAttribute("data-tolerance"));
          var label = out.getAttribute("data-label"), offText = out.getAttribute("data-off");
          var missingText = out.getAttribute("data-missing");
          function update() {
            var sum = 0, complete = true;
            var boxes = form.querySelectorAll('input[type="checkbox"][name="factor"]');
            for (var i = 0; i < boxes.length; i++) {
              if (!boxes[i].checked) { continue; }
              var field = form.querySelector('input[name="weight.' + boxes[i].value + '"]');
              var text = field ? field.value.trim() : "";
              var value = text === "" ? NaN : Number(text);
              if (isFinite(value)) { sum += value; } else { complete = false; }
            }
            var off = !complete || !(Math.abs(sum - 1) <= tolerance);
            var shown = sum.toFixed(2);
            if (off && Math.abs(Number(shown) - 1) <= tolerance) { shown = String(Number(sum.toFixed(10))); }
            out.textContent = label.replace("{0}", shown) + (!complete ? missingText : off ? offText : "");
            out.className = off ? "weight-sum error" : "weight-sum";
          }
          form.addEventListener("input", update);
          form.addEventListener("change", update);
          out.hidden = false;
          update();
        })();
        """

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
