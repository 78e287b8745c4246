/// A `multipart/form-data` body (RFC 7578, the multipart syntax of RFC 2046 §5.1) split into its
/// parts: what a browser sends for a form with `enctype="multipart/form-data"` and a file input.
///
/// Binary-safe: a part's content is the bytes between its header block and the next delimiter
/// (`CRLF--boundary`), whatever they are, so a 通达信 `.day` file with CR, LF or `--` bytes inside
/// comes through unchanged. The preamble before the first boundary and the epilogue after the
/// closing one are ignored, as the RFC says. Header values are read as UTF-8 (browsers send a
/// file name's non-ASCII characters as raw UTF-8).
public struct MultipartForm: Sendable, Equatable {
    /// One part: its form field name, the file name when it is a file, its `Content-Type` when
    /// given, and its content.
    public struct Part: Sendable, Equatable {
        public var name: String
        public var filename: String?
        public var contentType: String?
        public var body: [UInt8]

        public init(name: String, filename: String? = nil, contentType: String? = nil, body: [UInt8]) {
            self.name = name
            self.filename = filename
            self.contentType = contentType
            self.body = body
        }

        /// The content as text (UTF-8, invalid sequences replaced).
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The parts in the order sent.
    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// Parses `body` sent with the `Content-Type` `contentType`, which must be
    /// `multipart/form-data` with a `boundary` parameter.
    public init(body: [UInt8], contentType: String?) throws(MultipartError) {
        guard let contentType, Self.mediaType(of: contentType) == "multipart/form-data" else {
            throw .notMultipart(contentType: contentType)
        }
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty else {
            throw .missingBoundary
        }
        guard boundary.utf8.count <= 70 else { throw .missingBoundary }
        parts = try Self.parts(of: body, boundary: Array(boundary.utf8))
    }

    /// The first part named `name`.
    public func part(named name: String) -> Part? { parts.first { $0.name == name } }

    /// The parts that are not files, as form fields (text values).
    public var fields: FormFields {
        FormFields(parts.filter { $0.filename == nil }.map { (name: $0.name, value: $0.text) })
    }

    // MARK: Parsing

    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dash = UInt8(ascii: "-")

    private static func parts(of body: [UInt8], boundary: [UInt8]) throws(MultipartError) -> [Part] {
        let dashBoundary = [dash, dash] + boundary
        let delimiter = [cr, lf] + dashBoundary
        // The first boundary opens the body or follows a preamble line.
        var position: Int
        if starts(body, with: dashBoundary, at: 0) {
            position = dashBoundary.count
        } else if let found = find(delimiter, in: body, from: 0) {
            position = found + delimiter.count
        } else {
            throw .missingOpeningBoundary
        }
        var parts: [Part] = []
        while true {
            // After a boundary: `--` closes the body; otherwise optional padding and CRLF open a part.
            if starts(body, with: [dash, dash], at: position) { return parts }
            while position < body.count, body[position] == UInt8(ascii: " ") || body[position] == UInt8(ascii: "\t") {
                position += 1
            }
            guard starts(body, with: [cr, lf], at: position) else {
                throw position >= body.count ? .missingClosingBoundary : .malformedBoundaryLine(part: parts.count + 1)
            }
            position += 2
            let number = parts.count + 1
            guard let headerEnd = find([cr, lf, cr, lf], in: body, from: position - 2) else {
                throw .malformedPartHeaders(part: number)
            }
            let headers = headerEnd < position ? [] : Array(body[position..<headerEnd])
            let contentStart = headerEnd + 4
            guard let contentEnd = find(delimiter, in: body, from: contentStart) else { throw .missingClosingBoundary }
            parts.append(try part(headers: headers, body: Array(body[contentStart..<contentEnd]), number: number))
            position = contentEnd + delimiter.count
        }
    }

    /// A part from its header block (`Name: value` lines separated by CRLF) and content.
    private static func part(headers: [UInt8], body: [UInt8], number: Int) throws(MultipartError) -> Part {
        var disposition: String?, type: String?
        for line in String(decoding: headers, as: UTF8.self).components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformedPartHeaders(part: number) }
            let name = line[..<colon].trimmingWhitespace.lowercased()
            let value = String(line[line.index(after: colon)...].trimmingWhitespace)
            if name == "content-disposition" { disposition = value }
            if name == "content-type" { type = value }
        }
        guard let disposition, mediaType(of: disposition) == "form-data",
              let name = parameter("name", in: disposition) else { throw .missingName(part: number) }
        let filename = parameter("filename", in: disposition)
        return Part(name: name, filename: filename, contentType: type, body: body)
    }

    /// `multipart/form-data` for `Multipart/Form-Data; boundary=x`: the value before the first
    /// `;`, lower-cased.
    static func mediaType(of header: String) -> String {
        String(header.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingWhitespace.lowercased()
    }

    /// The value of the parameter `name` in a header value (`form-data; name="file"; filename="a.csv"`):
    /// a quoted string (backslash escapes undone) or a token; nil when absent. Names match
    /// case-insensitively; `filename*` is another parameter, not `filename`.
    static func parameter(_ name: String, in header: String) -> String? {
        let scalars = Array(header.unicodeScalars)
        var i = 0
        // Skip the media type.
        while i < scalars.count, scalars[i] != ";" { i += 1 }
        while i < scalars.count {
            i += 1  // the `;`
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            var key = ""
            while i < scalars.count, scalars[i] != "=", scalars[i] != ";" { key.unicodeScalars.append(scalars[i]); i += 1 }
            var value = ""
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
                if i < scalars.count, scalars[i] == "\"" {
                    i += 1
                    while i < scalars.count, scalars[i] != "\"" {
                        if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
                        value.unicodeScalars.append(scalars[i])
                        i += 1
                    }
                    while i < scalars.count, scalars[i] != ";" { i += 1 }  // the closing quote and anything after it
                } else {
                    while i < scalars.count, scalars[i] != ";" { value.unicodeScalars.append(scalars[i]); i += 1 }
                    value = String(value.trimmingWhitespace)
                }
            }
            if key.trimmingWhitespace.lowercased() == name.lowercased() { return value }
        }
        return nil
    }

    private static func starts(_ bytes: [UInt8], with prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= bytes.count else { return false }
        for k in 0..<prefix.count where bytes[offset + k] != prefix[k] { return false }
        return true
    }

    /// The first offset at or after `start` where `needle` occurs in `bytes`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = max(0, start)
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first && starts(bytes, with: needle, at: i) { return i }
            i += 1
        }
        return nil
    }
}

/// Why a body is not a usable `multipart/form-data` form.
public enum MultipartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The request's `Content-Type` is not `multipart/form-data` (nil when absent).
    case notMultipart(contentType: String?)
    /// The `Content-Type` has no `boundary` parameter (or an empty or over-long one).
    case missingBoundary
    /// The body never contains the boundary.
    case missingOpeningBoundary
    /// The body ends before the closing `--boundary--`.
    case missingClosingBoundary
    /// A boundary line is followed by something other than CRLF or `--`.
    case malformedBoundaryLine(part: Int)
    /// A part's header block is not `Name: value` lines ending in an empty line.
    case malformedPartHeaders(part: Int)
    /// A part lacks `Content-Disposition: form-data; name=…`.
    case missingName(part: Int)

    public var description: String {
        switch self {
        case .notMultipart(let type): "the request is not multipart/form-data (Content-Type: \(type ?? "none"))"
        case .missingBoundary: "the Content-Type multipart/form-data has no boundary parameter"
        case .missingOpeningBoundary: "the body does not contain the boundary the Content-Type names"
        case .missingClosingBoundary: "the body ends before the closing boundary"
        case .malformedBoundaryLine(let part): "the boundary before part \(part) is not followed by a line break"
        case .malformedPartHeaders(let part): "the headers of part \(part) do not end with an empty line"
        case .missingName(let part): "part \(part) has no Content-Disposition: form-data with a name"
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingWhitespace: Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
