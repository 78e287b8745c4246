import HuiceCore
import MarketData
import Storage

/// `/data/import`: the upload form (a file, "skip invalid rows", "replace"), and after a post
/// either what landed in the store (per stock its bars and dates, the reference tables, skipped
/// rows) or why nothing did (the importer's errors by file, line and field, or what was wrong
/// with the upload), with the form again.
struct DataImportPage {
    /// The form's two options, as `huice import`'s `--skip-invalid-rows` and `--replace`.
    struct Options {
        var skipInvalidRows = false
        var replace = false

        init(skipInvalidRows: Bool = false, replace: Bool = false) {
            self.skipInvalidRows = skipInvalidRows
            self.replace = replace
        }

        /// A tick box sends its field only when ticked.
        init(fields: FormFields) {
            skipInvalidRows = fields["skip_invalid_rows"] != nil
            replace = fields["replace"] != nil
        }
    }

    /// What was saved.
    struct Imported {
        /// The file's name as written and as the importer names it.
        var file: String
        var result: ImportResult
        /// The store after the save.
        var store: StoreSummary
    }

    enum Outcome {
        /// The empty form.
        case form
        /// The upload itself was unusable (no file, empty, unknown type, malformed form).
        case refused(String)
        /// The importer rejected the file.
        case failed(file: String, errors: [DataImportError])
        case imported(Imported)
    }

    var outcome: Outcome
    var options: Options

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let title: String, body: Markup
        switch outcome {
        case .form:
            title = t[.importTitle]
            body = form(request)
        case .refused(let problem):
            title = t[.importFailedTitle]
            body = """
                <div class="card" role="alert"><p class="error">\(problem)</p><p>\(t[.importNothingSaved])</p></div>
                \(form(request))
                """
        case .failed(_, let errors):
            title = t[.importFailedTitle]
            body = """
                <div class="card" role="alert"><p class="error">\(t[.importNothingSaved])</p><p>\(t[.importErrorsIntro])</p>
                \(Self.errorTable(errors, t))</div>
                \(form(request))
                """
        case .imported(let imported):
            title = t[.importDoneTitle]
            body = Self.summary(imported, replaced: options.replace, t)
        }
        return Page(title: title, section: .data, content: """
            <p><a href="/data">\(t[.backToList])</a></p>
            <h1>\(title)</h1>
            \(body)
            """)
    }

    /// The upload form; the tick boxes as last sent.
    private func form(_ request: WebRequest) -> Markup {
        let t = request.i18n
        let accept = DataPages.importExtensions.map { "." + $0 }.joined(separator: ",")
        let skip: Markup = options.skipInvalidRows ? " checked" : ""
        let replace: Markup = options.replace ? " checked" : ""
        return """
            <form class="card" method="post" action="\(DataPages.importPath)" enctype="multipart/form-data">
            <p>\(t[.importIntro])</p>
            <label class="field">\(t[.importFile])<input type="file" name="file" accept="\(accept)" required></label>
            <p class="note">\(t[.importFileHint])</p>
            <p class="note" id="upload-limit">\(t[.importLimit, Self.byteSize(request.maxUploadSize)])</p>
            <p><label><input type="checkbox" name="skip_invalid_rows" value="1"\(skip)> \(t[.importSkipInvalid])</label></p>
            <p><label><input type="checkbox" name="replace" value="1"\(replace)> \(t[.importReplace])</label></p>
            <p class="note">\(t[.importAtomic])</p>
            <p><button type="submit">\(t[.importSubmit])</button></p>
            </form>
            """
    }

    /// The errors or skipped rows as a table: file, line, field, reason (the stock and date, when
    /// the error names them, lead the reason).
    static func errorTable(_ errors: [DataImportError], _ t: I18n) -> Markup {
        let rows: [Markup] = errors.map { error in
            let place = [error.location.stock, error.location.date].compactMap { $0 }
            let reason = place.isEmpty ? error.reason : place.joined(separator: " ") + ": " + error.reason
            return """
                <tr><td>\(error.location.file ?? "—")</td><td class="num">\(error.location.line.map(String.init) ?? "—")</td>\
                <td>\(error.location.field ?? "—")</td><td>\(reason)</td></tr>
                """
        }
        return """
            <div class="table-scroll"><table class="import-errors"><thead><tr><th scope="col">\(t[.importColFile])</th>\
            <th scope="col" class="num">\(t[.importColLine])</th><th scope="col">\(t[.importColField])</th>\
            <th scope="col">\(t[.importColReason])</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    /// What landed: per stock its bars and dates with a link to its page, the reference tables,
    /// the rows left out, and the store's size afterwards.
    private static func summary(_ imported: Imported, replaced: Bool, _ t: I18n) -> Markup {
        let data = imported.result.data
        let stocks: [Markup] = data.codes.compactMap { code in
            guard let series = data.series[code], let first = series.firstTime, let last = series.lastTime else { return nil }
            let link = WebRequest.link("/data/stock/" + code.rawValue)
            return """
                <tr><td><a href="\(link)">\(code.rawValue)</a></td><td>\(data.instruments[code]?.name ?? "")</td>\
                <td class="num">\(DisplayNumber.grouped(series.count))</td><td>\(DisplayNumber.date(first.day))</td>\
                <td>\(DisplayNumber.date(last.day))</td><td><a href="\(link)">\(t[.importStockLink])</a></td></tr>
                """
        }
        let stockTable: Markup = stocks.isEmpty ? "" : """
            <div class="table-scroll"><table class="imported"><thead><tr><th scope="col">\(t[.code])</th><th scope="col">\(t[.name])</th>\
            <th scope="col" class="num">\(t[.barCount])</th><th scope="col">\(t[.firstDate])</th><th scope="col">\(t[.lastDate])</th>\
            <th scope="col">\(t[.actions])</th></tr></thead><tbody>\(stocks)</tbody></table></div>
            """
        var tables: [String] = []
        if let calendar = data.calendar, let first = calendar.first, let last = calendar.last {
            tables.append(t[.importCalendar, DisplayNumber.grouped(calendar.count), DisplayNumber.date(first), DisplayNumber.date(last)])
        }
        if !data.instruments.isEmpty { tables.append(t[.importInstruments, DisplayNumber.grouped(data.instruments.count)]) }
        if !data.adjustments.isEmpty { tables.append(t[.importAdjustments, DisplayNumber.grouped(data.adjustments.count)]) }
        if !data.limits.isEmpty { tables.append(t[.importLimits, DisplayNumber.grouped(data.limits.count)]) }
        if !data.suspensions.isEmpty { tables.append(t[.importSuspensions, DisplayNumber.grouped(data.suspensions.count)]) }
        let tableList: Markup = tables.isEmpty ? "" : "<ul>\(tables.map { "<li>\($0)</li>" as Markup })</ul>"
        let skipped = imported.result.report.skippedRows
        let skippedRows: Markup = skipped.isEmpty ? "" : """
            <h2>\(t[.importSkippedRows, DisplayNumber.grouped(skipped.count)])</h2>
            \(errorTable(skipped, t))
            """
        let store = imported.store
        return """
            <div class="card" role="status"><p>\(t[replaced ? .importReplaced : .importMerged, imported.file])</p>
            <p class="note">\(t[.importStoreTotals, DisplayNumber.grouped(store.stocks.count), DisplayNumber.grouped(store.barCount),
                                DisplayNumber.grouped(store.calendarDays)])</p></div>
            \(stockTable)
            \(tableList)
            \(skippedRows)
            <p><a class="button" href="\(DataPages.importPath)">\(t[.importAnother])</a> \
            <a class="button secondary" href="/data">\(t[.backToList])</a></p>
            """
    }

    /// `1 MiB`, `512 KiB`, `1.5 MiB`, `900 B`.
    static func byteSize(_ bytes: Int) -> String {
        let mebibyte = 1 << 20, kibibyte = 1 << 10
        if bytes >= mebibyte {
            return bytes % mebibyte == 0 ? "\(bytes / mebibyte) MiB" : DisplayNumber.decimal(Double(bytes) / Double(mebibyte), digits: 1) + " MiB"
        }
        if bytes >= kibibyte {
            return bytes % kibibyte == 0 ? "\(bytes / kibibyte) KiB" : DisplayNumber.decimal(Double(bytes) / Double(kibibyte), digits: 1) + " KiB"
        }
        return "\(bytes) B"
    }
}
