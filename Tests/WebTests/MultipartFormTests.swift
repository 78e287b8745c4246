import Testing
@testable import Web

/// `MultipartForm`: boundaries, part headers, binary content, and the refusals.
@Suite struct MultipartFormTests {
    static let type = "multipart/form-data; boundary=XyZ123"

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func twoPartsAFieldAndAFile() throws {
        let body = Self.bytes("--XyZ123\r\nContent-Disposition: form-data; name=\"replace\"\r\n\r\n1\r\n"
            + "--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"600519.SH.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\ndate,close\n2024-01-02,10.00\n\r\n--XyZ123--\r\n")
        let form = try MultipartForm(body: body, contentType: Self.type)
        #expect(form.parts == [
            MultipartForm.Part(name: "replace", body: Self.bytes("1")),
            MultipartForm.Part(name: "file", filename: "600519.SH.csv", contentType: "text/csv",
                               body: Self.bytes("date,close\n2024-01-02,10.00\n")),
        ])
        #expect(form.fields == FormFields([(name: "replace", value: "1")]))
        #expect(form.part(named: "file")?.filename == "600519.SH.csv")
    }

    @Test func binaryPartKeepsCRLFAndDashesAndEveryByte() throws {
        // CR LF, "--", a near-boundary "\r\n--XyZ12" and every byte value: none ends the part.
        let content: [UInt8] = [0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0x0D, 0x0A, 0x0D, 0x0A] + Self.bytes("\r\n--XyZ12") + (0...255).map(UInt8.init)
        let body = Self.bytes("--XyZ123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sh600000.day\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n") + content + Self.bytes("\r\n--XyZ123--")
        let form = try MultipartForm(body: body, contentType: Self.type)
        #expect(form.parts.count == 1)
        #expect(form.parts[0].body == content)
    }

    @Test func emptyPartAndPreambleAndQuotedBoundary() throws {
        let body = Self.bytes("a preamble\r\n--a b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--a b--")
        let form = try MultipartForm(body: body, contentType: #"Multipart/Form-Data; charset=utf-8; boundary="a b""#)
        #expect(form.parts == [MultipartForm.Part(name: "file", filename: "", body: [])])
    }

    @Test func fileNamesKeepUTF8AndEscapedQuotes() throws {
        let body = Self.bytes("--XyZ123\r\ncontent-disposition: form-data; name=file; filename=\"平安\\\"银行.csv\"\r\n\r\nx\r\n--XyZ123--")
        let form = try MultipartForm(body: body, contentType: Self.type)
        #expect(form.parts.first?.name == "file")
        #expect(form.parts.first?.filename == "平安\"银行.csv")
    }

    @Test func missingBoundaryIsRefused() {
        #expect(throws: MultipartError.missingBoundary) {
            try MultipartForm(body: Self.bytes("--x\r\n\r\n--x--"), contentType: "multipart/form-data")
        }
        #expect(throws: MultipartError.missingBoundary) {
            try MultipartForm(body: [], contentType: "multipart/form-data; boundary=")
        }
    }

    @Test func anotherContentTypeIsRefused() {
        #expect(throws: MultipartError.notMultipart(contentType: "application/x-www-form-urlencoded")) {
            try MultipartForm(body: Self.bytes("a=1"), contentType: "application/x-www-form-urlencoded")
        }
        #expect(throws: MultipartError.notMultipart(contentType: nil)) { try MultipartForm(body: [], contentType: nil) }
    }

    @Test func malformedBodiesAreRefused() {
        // No boundary in the body at all.
        #expect(throws: MultipartError.missingOpeningBoundary) {
            try MultipartForm(body: Self.bytes("date,close\n"), contentType: Self.type)
        }
        // Cut off inside the file: no closing delimiter.
        #expect(throws: MultipartError.missingClosingBoundary) {
            try MultipartForm(body: Self.bytes("--XyZ123\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ndate,cl"), contentType: Self.type)
        }
        // Headers that never end.
        #expect(throws: MultipartError.malformedPartHeaders(part: 1)) {
            try MultipartForm(body: Self.bytes("--XyZ123\r\nContent-Disposition: form-data; name=\"file\"\r\n"), contentType: Self.type)
        }
        // A part without a name.
        #expect(throws: MultipartError.missingName(part: 1)) {
            try MultipartForm(body: Self.bytes("--XyZ123\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ123--"), contentType: Self.type)
        }
        // Junk after a boundary.
        #expect(throws: MultipartError.malformedBoundaryLine(part: 1)) {
            try MultipartForm(body: Self.bytes("--XyZ123junk\r\n\r\n--XyZ123--"), contentType: Self.type)
        }
    }

    @Test func uploadNamesAreSanitised() {
        #expect(UploadFileName.sanitised("600519.SH.csv") == "600519.SH.csv")
        #expect(UploadFileName.sanitised(#"C:\data\sh600000.day"#) == "sh600000.day")
        #expect(UploadFileName.sanitised("../../etc/passwd") == "passwd")
        #expect(UploadFileName.sanitised("..") == "upload")
        #expect(UploadFileName.sanitised(".hidden.csv") == "hidden.csv")
        #expect(UploadFileName.sanitised("a\u{0}b\nc.csv") == "a_b_c.csv")
        #expect(UploadFileName.sanitised("SH#600000.txt") == "SH#600000.txt")
        let long = UploadFileName.sanitised(String(repeating: "长", count: 100) + ".csv")
        #expect(long.utf8.count <= UploadFileName.maxBytes && long.hasSuffix(".csv"))
    }
}
