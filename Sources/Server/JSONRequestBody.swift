import Foundation
import HTTPTypes
import Hummingbird
import HuiceCore
import NIOCore

/// Reads a request's JSON body: checks the content type, collects at most the context's upload
/// limit, parses it, and says where it is malformed.
enum JSONRequestBody {
    /// The body as a JSON value. An empty body is `{}` (a list without filters needs none).
    /// Throws 415 for a non-JSON content type, 413 above the size limit, 400 naming the line and
    /// column of malformed JSON.
    static func read(_ request: Request, context: APIRequestContext) async throws -> JSONValue {
        try parse(try await collect(request, context: context))
    }

    /// The body's bytes once they are known to be well-formed JSON (`{}` for an empty body), for
    /// the modules' own strict decoders (`FactorConfigDraft.decode`).
    static func readDocument(_ request: Request, context: APIRequestContext) async throws -> Data {
        let data = try await collect(request, context: context)
        return try parse(data) == .object([:]) ? Data("{}".utf8) : data
    }

    private static func collect(_ request: Request, context: APIRequestContext) async throws -> Data {
        try checkContentType(request.headers[.contentType])
        return Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
    }

    /// Accepts no content type (curl's `--json` and most clients send one; tools that send none
    /// still mean JSON here), `application/json` and `application/<x>+json`.
    static func checkContentType(_ value: String?) throws {
        guard let value else { return }
        let mediaType = value.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
        else {
            throw APIError(status: .unsupportedMediaType, message: APIError.Messages.unsupportedMediaType,
                           reason: "the body must be JSON: send Content-Type: application/json (got '\(value)')",
                           details: ["field": "Content-Type", "reason": "must be application/json",
                                     "value": .string(value)])
        }
    }

    static func parse(_ data: Data) throws -> JSONValue {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([:]) }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw malformed(data)
        }
    }

    /// 400 naming the body and, when the parser reports a position, its line and column
    /// (JSONDecoder says only "not valid JSON"; JSONSerialization gives the offset).
    private static func malformed(_ data: Data) -> APIError {
        var details: [String: JSONValue] = ["field": "body", "reason": "malformed JSON"]
        var place = ""
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            if let offset = characterOffset(in: text), offset <= data.count {
                let (line, column) = lineAndColumn(of: offset, in: data)
                details["line"] = .number(Double(line))
                details["column"] = .number(Double(column))
                place = " at line \(line), column \(column)"
            } else if text.localizedCaseInsensitiveContains("end of file") {
                details["reason"] = "malformed JSON: unexpected end of the body"
                place = ": it ends too early (an unclosed object, array or string?)"
            }
        }
        return APIError(status: .badRequest, message: APIError.Messages.invalidParameters,
                        reason: "the request body is not valid JSON" + place, details: details)
    }

    /// N in "… around character N." (0-based, in bytes).
    private static func characterOffset(in text: String) -> Int? {
        guard let range = text.range(of: "character ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// 1-based line and column (in characters) of the byte at `offset`.
    static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        let before = data.prefix(offset)
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? before.startIndex
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }
}
