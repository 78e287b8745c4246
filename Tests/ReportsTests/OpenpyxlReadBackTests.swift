import Foundation
import Reports
import Testing

/// openpyxl is an independent OOXML reader: if it loads the workbook and sees the same values and
/// number formats, the package is valid beyond what our own parser checks. Skipped where python3
/// or openpyxl is missing (`pip install openpyxl`).
struct OpenpyxlReadBackTests {
    static let script = #"""
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def cell(sheet, ref):
    c = wb[sheet][ref]
    v = c.value
    if isinstance(v, datetime.datetime): v = v.date().isoformat()
    return [v, c.number_format, type(c.value).__name__]
print(json.dumps({
    "sheets": wb.sheetnames,
    "frozen": [wb[s].freeze_panes for s in wb.sheetnames],
    "title": cell("Summary", "C2"),
    "final_value": cell("Summary", "C5"),
    "total_return": cell("Summary", "C6"),
    "signal_date": cell("Trades", "B2"),
    "filled_price": cell("Trades", "I2"),
    "amount": cell("Trades", "K3"),
    "stock_name": cell("Trades", "E2"),
    "daily_return": cell("Equity", "E3"),
    "rows": [wb[s].max_row for s in wb.sheetnames],
}, ensure_ascii=False))
"""#

    static var openpyxlAvailable: Bool { (try? run(["-c", "import openpyxl"]).status) == 0 }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(.enabled(if: openpyxlAvailable, "needs python3 with openpyxl"))
    func openpyxlReadsTheValuesAndFormatsBack() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("huice-report-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try XLSXWorkbook(content: ReportFixtures.content).data().write(to: file)
        let (status, output) = try Self.run(["-c", Self.script, file.path])
        try #require(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        #expect(json["sheets"] as? [String] == ["Summary", "Trades", "Equity", "Risk Events"])
        #expect(json["frozen"] as? [String] == ["A2", "A2", "A2", "A2"])
        #expect(json["rows"] as? [Int] == [ReportFixtures.content.summaryItems.count + 1, 3, 3, 2])
        func cell(_ key: String) -> [String] {
            (json[key] as? [Any] ?? []).map { "\($0)" }
        }
        #expect(cell("title") == ["浦发银行 <signals> & more", "General", "str"])
        #expect(cell("final_value") == ["1234.5", "0.00", "float"])
        #expect(cell("total_return") == ["0.0046", "0.00%", "float"])
        #expect(cell("signal_date") == ["2024-01-02", "yyyy\\-mm\\-dd", "datetime"])
        #expect(cell("filled_price") == ["10.01", "0.0000", "float"])
        #expect(cell("amount") == ["10500", "0.00", "int"])
        #expect(cell("stock_name") == ["浦发银行", "General", "str"])
        #expect(cell("daily_return") == ["4.9e-05", "0.00%", "float"])
    }
}
