import HTTPTypes
import HummingbirdTesting
import Testing
@testable import Web

/// `/configs`: list, form, create (valid and rejected with the validator's errors by the
/// fields), delete with confirmation.
@Suite struct ConfigPageTests {
    static let validForm = "stock_code=000001.SZ&description=%E5%9D%87%E8%A1%A1&factor=rsi&weight.rsi=0.6&factor=pe_ratio&weight.pe_ratio=0.4"

    @Test func emptyListInBothLanguages() async throws {
        try await withWebApp { client in
            let zh = try await client.get("/configs")
            #expect(zh.status == .ok && zh.isHTML)
            #expect(zh.text.contains("<h1>因子配置</h1>") && zh.text.contains("还没有因子配置。"))
            let en = try await client.get("/configs?lang=en")
            #expect(en.text.contains("<h1>Factor configs</h1>") && en.text.contains("No factor configs yet."))
        }
    }

    @Test func formListsEveryCategoryWithWeights() async throws {
        try await withWebApp { client in
            let response = try await client.get("/configs/new")
            #expect(response.status == .ok && response.isHTML)
            let text = response.text
            #expect(text.contains("<h1>新建配置</h1>"))
            for heading in ["技术因子", "基本面因子", "市场因子", "情绪因子"] { #expect(text.contains("<h2>\(heading)</h2>")) }
            #expect(text.contains(#"<input type="checkbox" name="factor" value="rsi">"#))
            #expect(text.contains(#"name="weight.rsi""#))
            let en = try await client.get("/configs/new?lang=en")
            #expect(en.text.contains("<h1>New config</h1>") && en.text.contains("<h2>Technical factors</h2>"))
        }
    }

    @Test func validPostCreatesAndRedirectsToTheList() async throws {
        try await withWebApp { client in
            let response = try await client.postForm("/configs", Self.validForm)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/configs")
            let list = try await client.get("/configs").text
            #expect(list.contains("<td>config_20240107_001</td>"))
            #expect(list.contains("rsi 0.60, pe_ratio 0.40"))
            #expect(list.contains("<td>均衡</td>"))
            #expect(list.contains("共 1 个配置，第 1 / 1 页"))
        }
    }

    @Test func rejectedPostShowsTheValidatorsErrorsByTheFields() async throws {
        try await withWebApp { client in
            let response = try await client.postForm("/configs", "stock_code=&factor=rsi&weight.rsi=0.5&factor=macd&weight.macd=abc")
            #expect(response.status == .unprocessableContent)
            #expect(response.isHTML)
            let text = response.text
            #expect(text.contains("配置未保存，请修改以下问题："))
            #expect(text.contains("缺少必填字段"))
            #expect(text.contains("权重必须是有限数值"))
            // The form comes back as sent.
            #expect(text.contains(#"value="rsi" checked"#) && text.contains(#"name="weight.rsi" value="0.5""#))
            #expect(text.contains(#"name="weight.macd" value="abc""#))
            let list = try await client.get("/configs").text
            #expect(list.contains("还没有因子配置。"))
        }
    }

    @Test func weightSumErrorInEnglish() async throws {
        try await withWebApp { client in
            let response = try await client.postForm("/configs?lang=en", "stock_code=600036.SH&factor=rsi&weight.rsi=0.5")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("The config was not saved."))
            #expect(response.text.contains("1.0") && response.text.contains("0.5"))
        }
    }

    @Test func secondConfigForAStockIsRejected() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", Self.validForm)
            let again = try await client.postForm("/configs", Self.validForm)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("该股票已有配置 config_20240107_001"))
        }
    }

    @Test func deleteAsksThenDeletes() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", Self.validForm)
            let confirm = try await client.get("/configs/config_20240107_001/delete")
            #expect(confirm.status == .ok && confirm.isHTML)
            #expect(confirm.text.contains("确定删除 000001.SZ 的因子配置 config_20240107_001 吗？"))
            #expect(confirm.text.contains(#"<form class="card" method="post" action="/configs/config_20240107_001/delete">"#))
            let deleted = try await client.postForm("/configs/config_20240107_001/delete", "")
            #expect(deleted.status == .seeOther)
            #expect(try await client.get("/configs").text.contains("还没有因子配置。"))
            let gone = try await client.get("/configs/config_20240107_001/delete")
            #expect(gone.status == .notFound && gone.isHTML)
        }
    }
}
