import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import Web

/// The shared layout: labels in both languages, the language and colour switches with their
/// cookies, escaping, and pages that reach no other host.
@Suite struct LayoutTests {
    @Test func everyLabelHasChineseAndEnglish() {
        for key in I18n.Key.allCases {
            for language in Language.allCases {
                let text = I18n.table[key]?[language] ?? ""
                #expect(!text.isEmpty, "\(key) has no \(language) text")
            }
        }
    }

    @Test func rootRedirectsToTheDataPage() async throws {
        try await withWebApp { client in
            let response = try await client.get("/")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/data")
        }
    }

    @Test func chineseIsTheDefaultAndTheQuerySwitchesToEnglishWithACookie() async throws {
        try await withWebApp { client in
            let zh = try await client.get("/data")
            #expect(zh.text.contains(#"<html lang="zh-CN">"#))
            #expect(zh.text.contains("<h1>股票列表</h1>"))
            #expect(zh.text.contains(">数据</a>") && zh.text.contains(">因子配置</a>"))

            let en = try await client.get("/data?lang=en")
            #expect(en.text.contains(#"<html lang="en">"#))
            #expect(en.text.contains("<h1>Stocks</h1>"))
            #expect(en.text.contains(">Data</a>") && en.text.contains(">Factor configs</a>"))
            let cookie = en.headers[values: .setCookie].first ?? ""
            #expect(cookie.hasPrefix("huice_lang=en"))

            let remembered = try await client.get("/data", cookie: "huice_lang=en")
            #expect(remembered.text.contains("<h1>Stocks</h1>"))
        }
    }

    @Test func colourSwitchSetsTheUpColour() async throws {
        try await withWebApp { client in
            let chinese = try await client.get("/data")
            #expect(chinese.text.contains("--up:#e03b3b;--down:#1f9d55"))
            let western = try await client.get("/data?colors=us")
            #expect(western.text.contains("--up:#1f9d55;--down:#e03b3b"))
            #expect(western.headers[values: .setCookie].contains { $0.hasPrefix("huice_colors=us") })
            let remembered = try await client.get("/data/stock/600036.SH", cookie: "huice_colors=us")
            #expect(remembered.text.contains("--up:#1f9d55"))
        }
    }

    @Test func switchLinksKeepTheRestOfTheQuery() {
        let request = WebRequest(path: "/data", query: FormFields(encoded: "q=%E9%93%B6&lang=zh"))
        #expect(request.link(setting: "lang", to: "en") == "/data?q=%E9%93%B6&lang=en")
    }

    @Test func markupEscapesInterpolatedText() {
        let evil = #"<script>alert("x")</script>&'"#
        let markup: Markup = "<p>\(evil)</p>"
        #expect(markup.html == "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>")
    }

    @Test func formFieldsDecodePlusAndPercentEscapesAndRepeatedKeys() {
        let fields = FormFields(encoded: "q=a+b%20c&ind=ma,boll&ind=macd&empty=&bad=%zz")
        #expect(fields["q"] == "a b c")
        #expect(fields.list("ind") == ["ma", "boll", "macd"])
        #expect(fields["empty"] == "")
        #expect(fields.trimmed("empty") == nil)
        #expect(fields["bad"] == "%zz")
    }

    @Test func numbersAreGroupedAndSigned() {
        #expect(DisplayNumber.grouped(1_234_567) == "1,234,567")
        #expect(DisplayNumber.grouped(-1000) == "-1,000")
        #expect(DisplayNumber.grouped(999) == "999")
        #expect(DisplayNumber.decimal(12345.678) == "12,345.68")
        #expect(DisplayNumber.decimal(-0.004) == "0.00")
        #expect(DisplayNumber.signedPercent(0.0123) == "+1.23%")
        #expect(DisplayNumber.signedPercent(-0.05) == "-5.00%")
        #expect(DisplayNumber.signedPercent(0) == "0.00%")
        #expect(DisplayNumber.changeClass(0.01) == "up" && DisplayNumber.changeClass(-0.01) == "down")
    }

    @Test func everyPageIsHTMLAndReachesNoOtherHost() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", ConfigPageTests.validForm)
            for path in ["/data", "/data?lang=en", "/data/stock/600036.SH", "/data/stock/600036.SH?ind=ma,boll,macd,rsi,kdj&lang=en",
                         "/data/stock/999999.SH", "/data/import", "/data/import?lang=en", "/configs", "/configs/new",
                         "/configs/new?lang=en", "/configs?lang=en", "/configs/config_20240107_001/edit",
                         "/configs/config_20240107_001/edit?lang=en", "/configs/config_20240107_001/delete"] {
                let response = try await client.get(path)
                #expect(response.isHTML, "\(path): \(String(describing: response.headers[.contentType]))")
                // The SVG namespace is an identifier, never fetched; any other URL would be a request.
                let text = response.text.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
                #expect(!text.contains("http://") && !text.contains("https://"), "\(path) names another host")
                // Small inline scripts are allowed (docs/WEB.md); a script file is not.
                let scripts = response.text.components(separatedBy: "<script").count - 1
                let inline = response.text.components(separatedBy: "<script>").count - 1
                #expect(scripts == inline, "\(path) loads a script")
                // The one link is the empty inline icon (so a browser asks for no /favicon.ico).
                #expect(!text.replacingOccurrences(of: #"<link rel="icon" href="data:,">"#, with: "").contains("<link"),
                        "\(path) loads a stylesheet")
                #expect(!response.text.contains("<iframe") && !response.text.contains("<img"), "\(path) embeds something")
            }
        }
    }
}
