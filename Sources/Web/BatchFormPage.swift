import Factors
import HuiceCore
import Runtime
import Service

/// `/backtests/new`: the batch form — name, stock pool (tick boxes for the stored stocks and a box
/// for typed codes), dates, capital, strategy (a factor config, each stock's own config, SMA
/// crossover, buy-and-hold or a signal file) and the optional settings with their defaults and
/// help. After a rejected post it shows the form as sent with the problem next to its field.
struct BatchFormPage {
    struct Stock {
        var code: String
        var name: String
    }

    var stocks: [Stock]
    var configs: [FactorConfig]
    /// The fields as sent, or the defaults of a new form.
    var form: FormFields
    /// Problems to show: (form field, text).
    var issues: [(field: String, text: String)]

    /// A new form's fields: the year up to the store's last day, 1,000,000 yuan, the first
    /// factor config when there is one (else SMA crossover).
    static func initialFields(lastDay: TradingDay?, configs: [FactorConfig]) -> FormFields {
        var pairs: [(name: String, value: String)] = [(name: "initial_capital", value: "1000000")]
        if let lastDay {
            let start = TradingDay(year: lastDay.year - 1, month: lastDay.month, day: min(lastDay.day, 28)) ?? lastDay
            pairs += [(name: "start_date", value: start.isoString), (name: "end_date", value: lastDay.isoString)]
        }
        if let config = configs.first {
            pairs += [(name: "strategy", value: BatchForm.StrategyChoice.factorConfig.rawValue),
                      (name: "factor_config_id", value: config.configID)]
        } else {
            pairs += [(name: "strategy", value: BatchForm.StrategyChoice.smaCrossover.rawValue)]
        }
        pairs += [(name: "sma_fast", value: "5"), (name: "sma_slow", value: "20")]
        return FormFields(pairs)
    }

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let summary: Markup = issues.isEmpty ? "" : """
            <div class="card" role="alert"><p class="error">\(t[.batchFormErrors])</p><ul>\(issues.map { "<li>\($0.text)</li>" as Markup })</ul></div>
            """
        return Page(title: t[.newBatch], section: .backtests, content: """
            <p><a href="/backtests">\(t[.backtestsTitle])</a></p>
            <h1>\(t[.newBatch])</h1>
            \(summary)
            <form method="post" action="/backtests" class="batch">
            <div class="card inline">
            \(textField("name", t[.batchName], size: 30))
            \(textField("description", t[.description], size: 40))
            </div>
            \(poolSection(t))
            <h2>\(t[.periodAndCapital])</h2>
            <div class="card inline">
            <label class="field">\(t[.startDate])<input type="date" name="start_date" value="\(form["start_date"] ?? "")" required>\(errors(at: "start_date"))</label>
            <label class="field">\(t[.endDate])<input type="date" name="end_date" value="\(form["end_date"] ?? "")" required>\(errors(at: "end_date"))</label>
            <label class="field">\(t[.initialCapital])<input type="text" inputmode="decimal" name="initial_capital" value="\(form["initial_capital"] ?? "")" size="14">\(errors(at: "initial_capital"))</label>
            </div>
            \(strategySection(t))
            \(settingsSection(t))
            <p><button type="submit">\(t[.submitBatch])</button> <a class="button secondary" href="/backtests">\(t[.cancel])</a></p>
            </form>
            """)
    }

    private func textField(_ name: String, _ label: String, size: Int) -> Markup {
        """
        <label class="field">\(label)<input type="text" name="\(name)" value="\(form[name] ?? "")" size="\(size)">\(errors(at: name))</label>
        """
    }

    private func poolSection(_ t: I18n) -> Markup {
        let ticked = Set(form.list("stock"))
        let boxes: [Markup] = stocks.map { stock in
            let checked: Markup = ticked.contains(stock.code) ? " checked" : ""
            return "<label><input type=\"checkbox\" name=\"stock\" value=\"\(stock.code)\"\(checked)> \(stock.code) \(stock.name)</label>"
        }
        return """
            <h2 id="pool">\(t[.stockPool])</h2>
            <div class="card">
            <fieldset class="pool" aria-labelledby="pool"><legend>\(t[.storedStocks, DisplayNumber.grouped(stocks.count)])</legend>\(boxes)</fieldset>
            <label class="field">\(t[.typedCodes])<textarea name="stock_pool_text" rows="2" cols="60" placeholder="600036.SH, 000002.SZ">\(form["stock_pool_text"] ?? "")</textarea></label>
            <p class="note">\(t[.stockPoolHint, String(BatchRequest.maxStockPool)])</p>\(errors(at: "stock_pool"))
            </div>
            """
    }

    private func strategySection(_ t: I18n) -> Markup {
        let chosen = BatchForm.StrategyChoice(rawValue: form["strategy"] ?? "") ?? .factorConfig
        func radio(_ choice: BatchForm.StrategyChoice) -> Markup {
            let checked: Markup = choice == chosen ? " checked" : ""
            return "<label><input type=\"radio\" name=\"strategy\" value=\"\(choice.rawValue)\"\(checked)> \(t[choice.label])</label>"
        }
        let selected = form["factor_config_id"]
        let options: [Markup] = configs.map { config in
            let mark: Markup = config.configID == selected ? " selected" : ""
            let text = config.configID + " · " + config.stockCode.rawValue + (config.description.map { " · " + $0 } ?? "")
            return "<option value=\"\(config.configID)\"\(mark)>\(text)</option>"
        }
        let configSelect: Markup = configs.isEmpty
            ? "<p class=\"note\">\(t[.noConfigsForBatch]) <a href=\"/configs/new\">\(t[.newConfig])</a></p>"
            : "<label class=\"field\">\(t[.factorConfig])<select name=\"factor_config_id\">\(options)</select></label>"
        return """
            <h2>\(t[.strategy])</h2>
            <div class="card">
            <fieldset><legend>\(t[.strategySource])</legend>\(BatchForm.StrategyChoice.allCases.map(radio))</fieldset>\(errors(at: "strategy"))
            <div class="inline-fields">
            \(configSelect)
            <label class="field">\(t[.smaFast])<input type="number" min="1" name="sma_fast" value="\(form["sma_fast"] ?? "")" size="5"></label>
            <label class="field">\(t[.smaSlow])<input type="number" min="1" name="sma_slow" value="\(form["sma_slow"] ?? "")" size="5"></label>
            <label class="field">\(t[.signalPath])<input type="text" name="signal_path" value="\(form["signal_path"] ?? "")" size="40" placeholder="/path/to/signals.csv"></label>
            </div>
            <p class="note">\(t[.strategyHint])</p>
            </div>
            """
    }

    private func settingsSection(_ t: I18n) -> Markup {
        let defaults = BatchForm.defaults
        let open: Markup = BatchForm.settings.contains { form.trimmed($0.key) != nil || !errorTexts(at: $0.key).isEmpty } ? " open" : ""
        let groups: [Markup] = BatchForm.settingGroups.map { group in
            let rows: [Markup] = group.settings.map { setting in
                let id = "set-" + setting.key.replacingOccurrences(of: ".", with: "-")
                let value = form[setting.key] ?? ""
                let input: Markup
                switch setting.kind {
                case .choice(let values):
                    let options: [Markup] = [Markup("<option value=\"\">\(t[.useDefault])</option>")] + values.map { option in
                        let mark: Markup = option == value ? " selected" : ""
                        return "<option value=\"\(option)\"\(mark)>\(option)</option>"
                    }
                    input = "<select id=\"\(id)\" name=\"\(setting.key)\">\(options)</select>"
                case .decimal, .integer:
                    input = "<input id=\"\(id)\" type=\"text\" inputmode=\"decimal\" name=\"\(setting.key)\" value=\"\(value)\" size=\"10\">"
                case .code:
                    input = "<input id=\"\(id)\" type=\"text\" name=\"\(setting.key)\" value=\"\(value)\" size=\"12\">"
                }
                let shownDefault = defaults.map { setting.defaultText($0) } ?? "—"
                return """
                    <tr><th scope="row"><label for="\(id)"><code>\(setting.key)</code></label></th><td>\(input)\(errors(at: setting.key))</td>\
                    <td class="muted">\(shownDefault == "off" ? t[.settingOff] : shownDefault)</td><td class="help">\(t[setting.help])</td></tr>
                    """
            }
            return """
                <h3>\(t[group.title])</h3>
                <div class="table-scroll"><table><thead><tr><th scope="col">\(t[.setting])</th><th scope="col">\(t[.value])</th>\
                <th scope="col">\(t[.defaultValue])</th><th scope="col">\(t[.help])</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """
        }
        return """
            <details class="card settings"\(open)><summary>\(t[.settingsTitle])</summary>
            <p class="note">\(t[.settingsHint])</p>
            \(groups)
            </details>
            """
    }

    private func errorTexts(at field: String) -> [String] {
        issues.filter { $0.field == field }.map(\.text)
    }

    private func errors(at field: String) -> Markup {
        let texts = errorTexts(at: field)
        return texts.isEmpty ? "" : "<span class=\"error\">\(texts.joined(separator: "; "))</span>"
    }
}
