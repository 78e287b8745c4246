import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Hummingbird responses for pages: HTML with the preference cookies the request set, and
/// See Other redirects (after a form post, so a reload does not post again).
public enum WebResponse {
    public static let htmlContentType = "text/html; charset=utf-8"

    /// How long a remembered language or colour choice lasts (a year).
    static let cookieLifetime = 365 * 24 * 3600

    public static func html(_ page: Page, for request: WebRequest, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(status: status, headers: [.contentType: htmlContentType],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: page.html(for: request))))
        setCookies(on: &response, for: request)
        return response
    }

    public static func redirect(to location: String, for request: WebRequest) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location])
        setCookies(on: &response, for: request)
        return response
    }

    /// A download: `Content-Disposition: attachment` with the name as plain ASCII (non-ASCII
    /// characters become `_`) and, for browsers that read it, the UTF-8 name (RFC 6266/5987).
    public static func file(_ data: Data, contentType: String, filename: String, for request: WebRequest) -> Response {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: filenameUnreserved) ?? ascii
        var response = Response(status: .ok, headers: [
            .contentType: contentType,
            .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        setCookies(on: &response, for: request)
        return response
    }

    private static let filenameUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func setCookies(on response: inout Response, for request: WebRequest) {
        for (name, value) in request.preferences.cookiesToSet {
            // Readable by the pages only; nothing secret, but no script needs it either.
            response.setCookie(Cookie(name: name, value: value, maxAge: cookieLifetime, path: "/", httpOnly: true))
        }
    }
}
