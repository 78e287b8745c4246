/// Splits delimited text lines into byte ranges, without creating a `String` per cell.
///
/// One pass per line finds the separators and the line end together, writing field bounds into
/// storage reused across lines (no array bookkeeping per field: this loop runs once per byte of
/// every file). Fields are trimmed of spaces and tabs; a field in double quotes loses its quotes
/// and may contain the separator (doubled quotes inside stay doubled: only text cells can hold
/// them, and `ByteText.string` undoubles them).
struct FieldScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    /// Offset of the next unread line.
    private(set) var position: Int
    /// 1-based number of the line `nextLine` returned last.
    private(set) var lineNumber: Int
    /// Number of fields in the current line.
    private(set) var fieldCount = 0
    /// Bytes of the whole current line, without its terminator.
    private(set) var line: Range<Int> = 0..<0
    private let bounds: FieldBounds

    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: ","), start: Int = 0, firstLineNumber: Int = 1) {
        self.bytes = bytes
        self.separator = separator
        position = start
        lineNumber = firstLineNumber - 1
        bounds = FieldBounds()
    }

    /// Reads the next line; false at the end of the text. A blank line reads as one empty field
    /// (callers skip it with `isBlankLine`).
    @inline(__always)
    mutating func nextLine() -> Bool {
        let end = bytes.count
        guard position < end, let base = bytes.baseAddress else { return false }
        lineNumber += 1
        let lineStart = position
        let separator = self.separator
        var count = 0
        var i = position
        var fieldStart = i
        while i < end {
            let byte = base[i]
            if byte == separator {
                record(fieldStart, i, &count)
                fieldStart = i + 1
            } else if byte == UInt8(ascii: "\n") {
                break
            } else if byte == UInt8(ascii: "\"") && isOnlySpace(base, fieldStart, i) {
                i = closingQuote(base, after: i, end: end)
            }
            i += 1
        }
        let next = min(i, end)
        var lineEnd = next
        if lineEnd > lineStart && base[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        record(fieldStart, max(fieldStart, lineEnd), &count)
        fieldCount = count
        line = lineStart..<lineEnd
        position = next < end ? next + 1 : end
        return true
    }

    /// Whether the current line holds nothing but spaces.
    var isBlankLine: Bool { fieldCount == 1 && bounds.start[0] == bounds.end[0] }

    /// Skips `count` lines without splitting them.
    mutating func skipLines(_ count: Int) {
        var remaining = count
        let end = bytes.count
        while remaining > 0 && position < end {
            var i = position
            while i < end && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            position = i < end ? i + 1 : end
            lineNumber += 1
            remaining -= 1
        }
    }

    /// The byte range of field `index` (empty past the last field).
    @inline(__always)
    func range(_ index: Int) -> Range<Int> {
        index < fieldCount ? bounds.start[index]..<bounds.end[index] : 0..<0
    }

    /// The bytes of field `index` of the current line (empty when the line is shorter).
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < fieldCount, let base = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = bounds.start[index]
        return UnsafeBufferPointer(start: base + start, count: bounds.end[index] - start)
    }

    /// Field `index` as text (for codes, names and error messages).
    func text(_ index: Int) -> String {
        index < fieldCount ? ByteText.string(bytes, range(index)) : ""
    }

    /// Stores the trimmed (and unquoted) bounds of one field.
    @inline(__always)
    private func record(_ start: Int, _ end: Int, _ count: inout Int) {
        if count == bounds.capacity { bounds.grow() }
        let base = bytes.baseAddress!
        var lo = start, hi = end
        while lo < hi && (base[lo] == UInt8(ascii: " ") || base[lo] == UInt8(ascii: "\t")) { lo += 1 }
        while hi > lo && (base[hi - 1] == UInt8(ascii: " ") || base[hi - 1] == UInt8(ascii: "\t")
                          || base[hi - 1] == UInt8(ascii: "\r")) { hi -= 1 }
        if hi - lo >= 2 && base[lo] == UInt8(ascii: "\"") && base[hi - 1] == UInt8(ascii: "\"") {
            lo += 1
            hi -= 1
        }
        bounds.start[count] = lo
        bounds.end[count] = hi
        count += 1
    }

    @inline(__always)
    private func isOnlySpace(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var j = from
        while j < to {
            if base[j] != UInt8(ascii: " ") && base[j] != UInt8(ascii: "\t") { return false }
            j += 1
        }
        return true
    }

    /// The offset of the quote closing the one at `open` (`""` inside is an escaped quote), or
    /// the offset before the line end when it is never closed.
    private func closingQuote(_ base: UnsafePointer<UInt8>, after open: Int, end: Int) -> Int {
        var j = open + 1
        while j < end {
            if base[j] == UInt8(ascii: "\"") {
                if j + 1 < end && base[j + 1] == UInt8(ascii: "\"") { j += 2; continue }
                return j
            }
            if base[j] == UInt8(ascii: "\n") { return j - 1 }  // unterminated: end the field at the line end
            j += 1
        }
        return end - 1
    }
}

/// Field start/end offsets, reused for every line of a file.
private final class FieldBounds {
    private(set) var capacity = 64
    private(set) var start: UnsafeMutablePointer<Int>
    private(set) var end: UnsafeMutablePointer<Int>

    init() {
        start = .allocate(capacity: capacity)
        end = .allocate(capacity: capacity)
    }

    func grow() {
        let larger = capacity * 2
        let newStart = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newEnd = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        newStart.update(from: start, count: capacity)
        newEnd.update(from: end, count: capacity)
        start.deallocate()
        end.deallocate()
        start = newStart
        end = newEnd
        capacity = larger
    }

    deinit {
        start.deallocate()
        end.deallocate()
    }
}
