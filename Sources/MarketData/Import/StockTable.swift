import HuiceCore

/// The stocks a multi-stock file mentions, numbered in order of first appearance, with the
/// code cell of the previous row cached: rows of one stock usually come together, so most rows
/// find their stock by comparing a few bytes instead of decoding and normalising the code.
struct StockTable {
    private(set) var codes: [StockCode] = []
    private var indexByCode: [StockCode: Int] = [:]
    private var indexByCell: [String: Int] = [:]
    private var lastCell: UnsafeBufferPointer<UInt8>?
    private var lastIndex = 0

    var count: Int { codes.count }

    /// A stock code cell; bare numbers shorter than six digits get their leading zeros back
    /// (a spreadsheet round trip turns `000001` into `1`).
    static func code(fromCell text: String) -> StockCode? {
        let trimmed = text.trimmingASCIIWhitespace()
        if !trimmed.isEmpty, trimmed.utf8.count < 6, trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            return StockCode(normalizing: String(repeating: "0", count: 6 - trimmed.utf8.count) + trimmed)
        }
        return StockCode(normalizing: trimmed)
    }

    /// The number of `code`, adding it when new.
    mutating func index(of code: StockCode) -> Int {
        if let known = indexByCode[code] { return known }
        codes.append(code)
        indexByCode[code] = codes.count - 1
        return codes.count - 1
    }

    /// The number of the stock a code cell names, or nil when it is not a code. `cell` must stay
    /// valid until the next call (it points into the file's bytes).
    @inline(__always)
    mutating func index(ofCell cell: UnsafeBufferPointer<UInt8>) -> Int? {
        if let lastCell, lastCell.elementsEqual(cell) { return lastIndex }
        let text = String(decoding: cell, as: UTF8.self)
        let index: Int
        if let known = indexByCell[text] {
            index = known
        } else {
            guard let code = Self.code(fromCell: text) else { return nil }
            index = self.index(of: code)
            indexByCell[text] = index
        }
        lastCell = cell
        lastIndex = index
        return index
    }
}
