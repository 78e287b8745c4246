import Factors
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing
@testable import Web

/// `/configs/{id}/edit` through `FactorConfigManager.update`, and the live weight sum on both forms.
@Suite struct ConfigEditPageTests {
    static let id = "config_20240107_001"

    @Test func listLinksToTheEditForm() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", ConfigPageTests.validForm)
            let list = try await client.get("/configs").text
            #expect(list.contains(#"<a href="/configs/config_20240107_001/edit">编辑</a> <a href="/configs/config_20240107_001/delete">删除</a>"#))
            #expect(try await client.get("/configs?lang=en").text.contains(">Edit</a>"))
        }
    }

    @Test func editFormIsFilledFromTheStoredConfig() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", ConfigPageTests.validForm)
            let response = try await client.get("/configs/\(Self.id)/edit")
            #expect(response.status == .ok && response.isHTML)
            let text = response.text
            #expect(text.contains("<h1>编辑配置</h1>"))
            #expect(text.contains(#"<form method="post" action="/configs/config_20240107_001/edit" id="config-form">"#))
            #expect(text.contains(#"name="stock_code" value="000001.SZ""#))
            #expect(text.contains(#"name="description" value="均衡""#))
            #expect(text.contains(#"value="rsi" checked"#) && text.contains(#"value="pe_ratio" checked"#))
            #expect(!text.contains(#"value="macd" checked"#))
            #expect(text.contains(#"name="weight.rsi" value="0.6""#) && text.contains(#"name="weight.pe_ratio" value="0.4""#))
            #expect(text.contains(#"name="weight.macd" value="""#))
            let en = try await client.get("/configs/\(Self.id)/edit?lang=en")
            #expect(en.text.contains("<h1>Edit config</h1>"))
        }
    }

    @Test func validEditUpdatesAndRedirects() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", ConfigPageTests.validForm)
            let response = try await client.postForm("/configs/\(Self.id)/edit",
                                                     "stock_code=000001.SZ&description=new&factor=macd&weight.macd=0.3&factor=pe_ratio&weight.pe_ratio=0.7")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/configs")
            let list = try await client.get("/configs").text
            #expect(list.contains("<td>config_20240107_001</td>"))
            #expect(list.contains("macd 0.30, pe_ratio 0.70"))
            #expect(list.contains("<td>new</td>"))
            #expect(list.contains("共 1 个配置"))
        }
    }

    @Test func rejectedEditShowsTheIssuesByTheFieldsAndKeepsTheConfig() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", ConfigPageTests.validForm)
            let response = try await client.postForm("/configs/\(Self.id)/edit?lang=en",
                                                     "stock_code=000001.SZ&factor=rsi&weight.rsi=0.5&factor=macd&weight.macd=abc")
            #expect(response.status == .unprocessableContent && response.isHTML)
            let text = response.text
            #expect(text.contains("<h1>Edit config</h1>"))
            #expect(text.contains("The config was not saved."))
            #expect(text.contains(#"action="/configs/config_20240107_001/edit""#))
            #expect(text.contains(#"name="weight.macd" value="abc" aria-label="Weight macd" size="6"><span class="error">"#))
            #expect(try await client.get("/configs").text.contains("rsi 0.60, pe_ratio 0.40"))
        }
    }

    @Test func movingToAStockWithAConfigIsRejected() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", ConfigPageTests.validForm)
            _ = try await client.postForm("/configs", "stock_code=600036.SH&factor=rsi&weight.rsi=1")
            let response = try await client.postForm("/configs/\(Self.id)/edit", "stock_code=600036.SH&factor=rsi&weight.rsi=1")
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("该股票已有配置 config_20240107_002"))
        }
    }

    @Test func unknownConfigIsAnHTML404() async throws {
        try await withWebApp { client in
            let get = try await client.get("/configs/config_20991231_001/edit")
            #expect(get.status == .notFound && get.isHTML)
            #expect(get.text.contains("没有配置 config_20991231_001。"))
            let post = try await client.postForm("/configs/config_20991231_001/edit", "stock_code=&factor=rsi")
            #expect(post.status == .notFound && post.isHTML)
        }
    }

    @Test func editKeepsTheStoredFactorParameters() async throws {
        try await withImportApp { store, client in
            let manager = FactorConfigManager(store: store, now: { fixedNow })
            _ = try await manager.create(FactorConfigDraft(stockCode: "000001.SZ", technicalFactors: ["rsi", "macd"],
                                                           factorWeights: ["rsi": 0.5, "macd": 0.5],
                                                           factorParams: ["rsi": ["period": 10], "macd": ["fast": 8]]))
            let form = try await client.get("/configs/\(Self.id)/edit").text
            #expect(form.contains("该配置的因子参数会保留：rsi(period=10.0), macd(fast=8.0)"))
            // macd is dropped: its parameters go with it; rsi's stay.
            let response = try await client.postForm("/configs/\(Self.id)/edit", "stock_code=000001.SZ&factor=rsi&weight.rsi=1")
            #expect(response.status == .seeOther)
            let config = try await manager.get(configID: Self.id)
            #expect(config.allFactors == ["rsi"])
            #expect(config.factorParams == ["rsi": ["period": 10]])
        }
    }

    @Test func bothFormsCarryTheLiveWeightSum() async throws {
        try await withWebApp { client in
            _ = try await client.postForm("/configs", ConfigPageTests.validForm)
            for (path, label) in [("/configs/new", "权重合计 {0} / 1"), ("/configs/\(Self.id)/edit?lang=en", "Weight sum {0} / 1")] {
                let text = try await client.get(path).text
                // Hidden until the script shows it: without script the page is the plain form.
                #expect(text.contains(#"<p class="weight-sum" id="weight-sum" role="status" aria-live="polite" data-label="\#(label)""#), "\(path)")
                #expect(text.contains(#"data-tolerance="1e-06" hidden></p>"#), "\(path)")
                #expect(text.contains(#"data-missing=""#), "\(path)")
                #expect(text.contains("<script>(function () {"), "\(path)")
                #expect(!text.contains("<script src"), "\(path)")
            }
        }
    }

    @Test func formFieldsOfAConfigRoundTripToTheSameDraft() throws {
        let config = FactorConfig(configID: Self.id, stockCode: .init(normalizing: "000001.SZ")!, technicalFactors: ["rsi"],
                                  fundamentalFactors: ["pe_ratio"], factorWeights: ["rsi": 0.35, "pe_ratio": 0.65],
                                  description: "d", createdAt: fixedNow, updatedAt: fixedNow)
        let draft = ConfigFormPage.draft(from: ConfigFormPage.fields(of: config))
        #expect(draft.stockCode == "000001.SZ" && draft.description == "d")
        #expect(draft.technicalFactors == ["rsi"] && draft.fundamentalFactors == ["pe_ratio"])
        #expect(draft.factorWeights == ["rsi": 0.35, "pe_ratio": 0.65])
    }
}
