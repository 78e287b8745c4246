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

    private static func setCookies(on response: inout Response, for request: WebRequest) {
        for (name, value) in request.preferences.cookiesToSet {
            // Readable by the pages only; nothing secret, but no script needs it either.
            response.setCookie(Cookie(name: name, value: value, maxAge: cookieLifetime, path: "/", httpOnly: true))
        }
    }
}
