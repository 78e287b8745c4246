import HuiceCore
import Testing
@testable import MarketData

@Suite("Byte-level parsing: numbers, dates, fields, file-name codes")
struct ByteParsingTests {
    func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test("the fast decimal parser agrees with FixedPointParser on hand-picked and generated cells")
    func decimalAgreement() {
        var cells = ["0", "-0", "+7", "12.34", "1234.56", "3000.005", "0.00005", ".5", "5.", "-1.23455", "10.979999999999999",
                     "1e3", "1.5E-2", "", "-", ".", "nan", "inf", "1,000", "12a", "99999999999999999999", "0000000000000012.5"]
        // A fixed linear congruential sequence: deterministic, no seeding from the clock.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for _ in 0..<2000 {
            let whole = next() % 1_000_000
            let fraction = String(next() % 1_000_000_000).prefix(Int(next() % 10))
            let sign = next() % 4 == 0 ? "-" : ""
            cells.append(fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)")
        }
        for cell in cells {
            for scale in [0, 2, 4, 5] {
                let fast = withBytes(cell) { DecimalBytes.parse($0, scale: scale) }
                let reference = FixedPointParser.parse(cell.utf8, scale: scale)
                #expect(fast == reference, "\(cell) at scale \(scale)")
            }
        }
    }

    @Test("dates parse in the three vendor spellings, with optional times")
    func dates() {
        func time(_ text: String) -> BarTime? { withBytes(text) { ByteText.barTime($0) } }
        #expect(time("20240105") == BarTime(day: day(20240105)))
        #expect(time("2024-01-05") == BarTime(day: day(20240105)))
        #expect(time("2024/01/05") == BarTime(day: day(20240105)))
        #expect(time("2000-01-03 09:31:00")?.rawValue == 20000103_093100)
        #expect(time("2000-01-03T09:31")?.rawValue == 20000103_093100)
        #expect(time("2000-01-03 09:31:05.250")?.rawValue == 20000103_093105)
        for bad in ["2024-1-5", "2024-02-30", "20240105.0", "2024-01-05 25:00", "2024-01-05 09", "05/01/2024", ""] {
            #expect(time(bad) == nil, "\(bad)")
        }
    }

    @Test("fields split on commas, trimmed, unquoted, across CRLF line ends")
    func fieldSplitting() {
        let text = "a, b ,\"c,d\",\"e\"\"f\"\r\n\r\nlast,\n"
        withBytes(text) { bytes in
            var scanner = FieldScanner(bytes: bytes)
            func fields() -> [String]? {
                guard scanner.nextLine() else { return nil }
                return (0..<scanner.fieldCount).map { scanner.text($0) }
            }
            #expect(fields() == ["a", "b", "c,d", "e\"f"])
            #expect(fields() == [""])
            #expect(fields() == ["last", ""])
            #expect(scanner.lineNumber == 3)
            #expect(fields() == nil)
        }
    }

    @Test("codes come from the vendors' file-name spellings")
    func fileNameCodes() {
        let expected = [
            "600000.SH.csv": "600000.SH", "sh600000.csv": "600000.SH", "SH#600000.txt": "600000.SH",
            "sh600036_20110728_20170726.csv": "600036.SH", "sz000001.day": "000001.SZ", "sh000001.day": "000001.SH",
            "dir/SYM000.csv": "SYM000", "000001.csv": "000001.SZ",
        ]
        for (file, text) in expected {
            #expect(FileNameCode.code(fromFileName: file)?.description == text, "\(file)")
        }
        #expect(FileNameCode.code(fromFileName: "a b.csv") == nil)
        #expect(TDXDayReader.isExtendedMarketName("4#CF7D0LLS.day"))
        #expect(!TDXDayReader.isExtendedMarketName("sh600000.day"))
    }

    @Test("short numeric code cells get their leading zeros back")
    func codeCells() {
        #expect(StockTable.code(fromCell: "1")?.rawValue == "000001.SZ")
        #expect(StockTable.code(fromCell: "600000")?.rawValue == "600000.SH")
        #expect(StockTable.code(fromCell: "sz000002")?.rawValue == "000002.SZ")
        #expect(StockTable.code(fromCell: "") == nil)
    }

    @Test("README, Markdown and hidden files are ignored in directory scans")
    func ignoredNames() {
        #expect(MarketDataImporter.isIgnored("README.md"))
        #expect(MarketDataImporter.isIgnored("sub/REAMDE.md"))
        #expect(MarketDataImporter.isIgnored("notes.MD"))
        #expect(MarketDataImporter.isIgnored(".git/config"))
        #expect(!MarketDataImporter.isIgnored("daily/SYM000.csv"))
    }
}
