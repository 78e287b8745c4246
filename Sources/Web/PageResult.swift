import Foundation
import HTTPTypes

/// What a page handler answers: a page with its status, a redirect, or a file to download.
public enum PageResult: Sendable {
    case page(Page, status: HTTPResponse.Status = .ok)
    case redirect(String)
    /// A download (`Content-Disposition: attachment`): CSV, xlsx, a saved HTML report.
    case file(Data, contentType: String, filename: String)
}
