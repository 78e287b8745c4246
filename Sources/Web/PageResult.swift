import HTTPTypes

/// What a page handler answers: a page with its status, or a redirect.
public enum PageResult: Sendable {
    case page(Page, status: HTTPResponse.Status = .ok)
    case redirect(String)
}
