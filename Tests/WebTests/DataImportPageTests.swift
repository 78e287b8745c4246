import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HuiceCore
import Logging
import MarketData
import Storage
import Testing
@testable import Web

/// `/data/import`: the form, an upload saved whole (CSV and `.day`), the importer's row errors
/// as `huice import` reports them with nothing saved, the two options, and each refused upload.
@Suite struct DataImportPageTests {
    /// 贵州茅台, three plain-CSV bars (the code comes from the file name).
    static let goodCSV = """
        date,open,high,low,close,volume
        2024-01-02,1700.00,1720.00,1690.00,1710.00,100000
        2024-01-03,1710.00,1730.00,1700.00,1725.50,120000
        2024-01-04,1725.50,1740.00,1715.00,1738.00,90000

        """
    /// The same with a close that is not a number on line 3.
    static let badCSV = """
        date,open,high,low,close,volume
        2024-01-02,1700.00,1720.00,1690.00,1710.00,100000
        2024-01-03,1710.00,1730.00,1700.00,abc,120000
        2024-01-04,1725.50,1740.00,1715.00,1738.00,90000

        """

    @Test func formInBothLanguagesSaysTheLimitAndTheOptions() async throws {
        try await withWebApp { client in
            let zh = try await client.get("/data/import")
            #expect(zh.status == .ok && zh.isHTML)
            #expect(zh.text.contains("<h1>导入数据</h1>"))
            #expect(zh.text.contains(#"<form class="card" method="post" action="/data/import" enctype="multipart/form-data">"#))
            #expect(zh.text.contains(#"<input type="file" name="file" accept=".csv,.txt,.tsv,.day" required>"#))
            #expect(zh.text.contains(#"<input type="checkbox" name="skip_invalid_rows" value="1">"#))
            #expect(zh.text.contains(#"<input type="checkbox" name="replace" value="1">"#))
            // BasicRequestContext's maxUploadSize.
            #expect(zh.text.contains("上传大小上限 2 MiB"))
            let en = try await client.get("/data/import?lang=en")
            #expect(en.text.contains("<h1>Import data</h1>") && en.text.contains("Uploads are limited to 2 MiB"))
        }
    }

    @Test func stockListLinksToTheImportPage() async throws {
        try await withWebApp { client in
            let text = try await client.get("/data").text
            #expect(text.contains(#"<a class="button" href="/data/import">导入文件</a>"#))
        }
    }

    @Test func csvUploadIsSavedAndSummarised() async throws {
        try await withImportApp { store, client in
            let response = try await client.upload("/data/import", file: ("600519.SH.csv", Array(Self.goodCSV.utf8)))
            #expect(response.status == .ok && response.isHTML)
            let text = response.text
            #expect(text.contains("<h1>导入完成</h1>"))
            #expect(text.contains("文件 600519.SH.csv 已合并到数据库。"))
            #expect(text.contains(#"<tr><td><a href="/data/stock/600519.SH">600519.SH</a></td><td></td><td class="num">3</td><td>2024-01-02</td><td>2024-01-04</td>"#))
            #expect(text.contains("数据库现有 4 只股票、1,803 根K线"))
            let saved = try await store.load(codes: [StockCode(normalizing: "600519.SH")!])
            #expect(saved.series.values.first?.count == 3)
            #expect(saved.series.values.first?.bar(at: 1).close == Price(parsing: "1725.50"))
            #expect(try await client.get("/data").text.contains("显示 4 / 4 只股票"))
        }
    }

    @Test func tdxDayUploadIsBinarySafe() async throws {
        try await withImportApp { store, client in
            // Records whose prices, volume and padding hold CR, LF and "-" bytes.
            let records = Self.dayRecord(20240102) + Self.dayRecord(20240103)
            #expect(records.contains(0x0D) && records.contains(0x0A))
            let response = try await client.upload("/data/import?lang=en", file: ("sh600000.day", records))
            #expect(response.status == .ok)
            #expect(response.text.contains("sh600000.day was merged into the store."))
            #expect(response.text.contains(#"<a href="/data/stock/600000.SH">600000.SH</a></td><td></td><td class="num">2</td><td>2024-01-02</td><td>2024-01-03</td>"#))
            let saved = try await store.load(codes: [StockCode(normalizing: "600000.SH")!])
            let series = try #require(saved.series.values.first)
            #expect(series.count == 2)
            #expect(series.bar(at: 0).open == Price(parsing: "25.73"))
            #expect(series.bar(at: 0).volume == 0x2D2D_0A0D)
        }
    }

    @Test func badRowFailsTheImportWithTheCLIImportersErrorAndSavesNothing() async throws {
        // What `huice import` reports for the same file.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("huice-import-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("600519.SH.csv").path
        try Data(Self.badCSV.utf8).write(to: URL(fileURLWithPath: path))
        let expected: DataImportError
        do {
            _ = try MarketDataImporter().importFile(at: path)
            Issue.record("the importer accepted the bad file")
            return
        } catch {
            expected = error
        }
        #expect(expected.location.file == "600519.SH.csv" && expected.location.line == 3 && expected.location.field == "close")

        try await withImportApp { store, client in
            let response = try await client.upload("/data/import", file: ("600519.SH.csv", Array(Self.badCSV.utf8)))
            #expect(response.status == .unprocessableContent && response.isHTML)
            let text = response.text
            #expect(text.contains("<h1>导入失败</h1>"))
            #expect(text.contains("没有保存任何数据。"))
            let reason = [expected.location.stock, expected.location.date].compactMap { $0 }.joined(separator: " ")
            let shownReason = reason.isEmpty ? expected.reason : reason + ": " + expected.reason
            #expect(text.contains("<tr><td>600519.SH.csv</td><td class=\"num\">3</td><td>close</td><td>\(Markup.escape(shownReason))</td></tr>"))
            // The form again, to retry.
            #expect(text.contains(#"enctype="multipart/form-data""#))
            #expect(try await store.summary().stocks.count == 3)
        }
    }

    @Test func skipInvalidRowsSavesTheRestAndListsTheSkippedRow() async throws {
        try await withImportApp { store, client in
            let response = try await client.upload("/data/import?lang=en", file: ("600519.SH.csv", Array(Self.badCSV.utf8)),
                                                   fields: [("skip_invalid_rows", "1")])
            #expect(response.status == .ok)
            let text = response.text
            #expect(text.contains("1 invalid rows were skipped:"))
            #expect(text.contains(#"<tr><td>600519.SH.csv</td><td class="num">3</td><td>close</td>"#))
            #expect(text.contains(#"<td class="num">2</td><td>2024-01-02</td><td>2024-01-04</td>"#))
            #expect(try await store.load(codes: [StockCode(normalizing: "600519.SH")!]).barCount == 2)
        }
    }

    @Test func replaceLeavesOnlyTheFilesData() async throws {
        try await withImportApp { store, client in
            let response = try await client.upload("/data/import", file: ("600519.SH.csv", Array(Self.goodCSV.utf8)),
                                                   fields: [("replace", "1")])
            #expect(response.status == .ok)
            #expect(response.text.contains("文件 600519.SH.csv 已替换数据库中的全部行情数据。"))
            #expect(try await store.summary().stocks.map(\.code.rawValue) == ["600519.SH"])
        }
    }

    @Test func noFileIsRefused() async throws {
        try await withImportApp { store, client in
            let empty = try await client.upload("/data/import", file: ("", []), fields: [("replace", "1")])
            #expect(empty.status == .unprocessableContent && empty.isHTML)
            #expect(empty.text.contains("没有选择文件。") && empty.text.contains("没有保存任何数据。"))
            // The ticked box stays ticked.
            #expect(empty.text.contains(#"<input type="checkbox" name="replace" value="1" checked>"#))
            let none = try await client.upload("/data/import?lang=en", file: nil, fields: [("replace", "1")])
            #expect(none.status == .unprocessableContent && none.text.contains("No file was chosen."))
            #expect(try await store.summary().stocks.count == 3)
        }
    }

    @Test func emptyFileIsRefused() async throws {
        try await withWebApp { client in
            let response = try await client.upload("/data/import", file: ("600519.SH.csv", []))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("文件 600519.SH.csv 是空的。"))
        }
    }

    @Test func unknownExtensionIsRefused() async throws {
        try await withWebApp { client in
            let response = try await client.upload("/data/import?lang=en", file: ("prices.xlsx", [0x50, 0x4B, 0x03, 0x04]))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("The file prices.xlsx is of no known type: upload a .csv, .txt, .tsv or 通达信 .day file."))
        }
    }

    @Test func unrecognisedHeaderFailsWithTheImportersReason() async throws {
        try await withWebApp { client in
            let response = try await client.upload("/data/import", file: ("notes.csv", Array("a,b\n1,2\n".utf8)))
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("<tr><td>notes.csv</td><td class=\"num\">1</td><td>—</td><td>unrecognised file: header &#39;a,b&#39; matches no known format</td></tr>"))
        }
    }

    @Test func malformedUploadsAreRefusedWithTheReason() async throws {
        try await withWebApp { client in
            let noBoundary = try await client.execute(uri: "/data/import", method: .post, headers: [.contentType: "multipart/form-data"],
                                                      body: ByteBuffer(string: "--x\r\n\r\n--x--"))
            #expect(noBoundary.status == .unprocessableContent && noBoundary.isHTML)
            #expect(noBoundary.text.contains("Content-Type 中缺少 multipart 的 boundary 参数。"))
            let cut = try await client.execute(uri: "/data/import?lang=en", method: .post,
                                               headers: [.contentType: "multipart/form-data; boundary=x"],
                                               body: ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ndate,cl"))
            #expect(cut.status == .unprocessableContent)
            #expect(cut.text.contains("The uploaded form data is incomplete or malformed: the body ends before the closing boundary"))
            let form = try await client.postForm("/data/import?lang=en", "file=a.csv")
            #expect(form.status == .unprocessableContent)
            #expect(form.text.contains("An upload must be sent as a multipart/form-data form (the Content-Type was application/x-www-form-urlencoded)."))
        }
    }

    @Test func uploadOverTheLimitIsAnHTML413() async throws {
        try await withWebApp { client in
            let big = [UInt8](repeating: UInt8(ascii: "1"), count: WebRequest.defaultMaxUploadSize + 1)
            let response = try await client.upload("/data/import", file: ("600519.SH.csv", big))
            #expect(response.status == .contentTooLarge && response.isHTML)
            #expect(response.text.contains("上传的内容超过大小上限 2 MiB，没有保存任何数据。"))
        }
    }

    @Test func byteSizesReadAsUnits() {
        #expect(DataImportPage.byteSize(1 << 20) == "1 MiB")
        #expect(DataImportPage.byteSize(3 << 19) == "1.5 MiB")
        #expect(DataImportPage.byteSize(512 << 10) == "512 KiB")
        #expect(DataImportPage.byteSize(900) == "900 B")
    }

    /// One `.day` record: prices 25.73/26.05/25.70/25.73 (0x0A0D, 0x0A2D, 0x0A0A, 0x0A0D × 0.01),
    /// amount 1e6, volume 0x2D2D0A0D, padding 0x0A0D2D2D.
    static func dayRecord(_ date: UInt32) -> [UInt8] {
        let words: [UInt32] = [date, 0x0A0D, 0x0A2D, 0x0A0A, 0x0A0D, Float(1_000_000).bitPattern, 0x2D2D_0A0D, 0x0A0D_2D2D]
        return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
    }
}

extension TestClientProtocol {
    /// POSTs a `multipart/form-data` form as a browser does: `fields` as text parts, then the file
    /// part `file` (name and content; nil leaves the part out).
    func upload(_ path: String, file: (name: String, bytes: [UInt8])?, fields: [(String, String)] = []) async throws -> TestResponse {
        let boundary = "----HuiceTestBoundaryq7x2"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n".utf8)
            body += Array("Content-Type: application/octet-stream\r\n\r\n".utf8) + file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await execute(uri: path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                 body: ByteBuffer(bytes: body))
    }
}
