import Factors
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Writes envelopes (and other JSON documents) as responses: compact, unescaped slashes,
/// `application/json; charset=utf-8`. An envelope's own keys come in the seed's order
/// (`code`, `message`, then `data` or `error`/`details`, then `warnings`) so a reader finds them
/// where the seed shows them; everything inside is written with sorted keys, so equal answers are
/// equal bytes.
enum JSONResponse {
    /// `{"code":200,"message":…,"data":…}`; a factor config saved with validation warnings (a
    /// zero weight, …) also lists them under `warnings`.
    static func success(_ data: some Encodable, message: String, warnings: [ValidationIssue] = []) throws -> Response {
        var members: [(String, Data)] = [("code", Data("200".utf8)), ("message", try encode(message)), ("data", try encode(data))]
        if !warnings.isEmpty { members.append(("warnings", try encode(warnings))) }
        return response(object(members), status: .ok)
    }

    /// The error envelope: the seed's not-found shape for a 404, `{code, message, error, details}` otherwise.
    static func failure(_ error: APIError) -> Response {
        // Encoding strings and JSONValues cannot fail.
        let encoded = { (value: any Encodable) in (try? encode(value)) ?? Data("null".utf8) }
        var members: [(String, Data)] = [("code", Data(String(error.status.code).utf8)), ("message", encoded(error.message))]
        if error.isNotFound {
            members.append(("data", Data("null".utf8)))
        } else {
            members.append(("error", encoded(error.reason)))
            members.append(("details", encoded(error.details)))
        }
        var response = response(object(members), status: error.status)
        for field in error.headers { response.headers.append(field) }
        return response
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// `{"k1":v1,"k2":v2}` from already encoded members, in their order.
    private static func object(_ members: [(String, Data)]) -> Data {
        var data = Data("{".utf8)
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { data.append(contentsOf: Array(",".utf8)) }
            data.append(contentsOf: Array("\"\(key)\":".utf8))
            data.append(value)
        }
        data.append(contentsOf: Array("}".utf8))
        return data
    }

    private static func response(_ body: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
