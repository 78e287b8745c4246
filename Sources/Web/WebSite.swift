import Hummingbird
import NIOCore
import Logging
import Storage

/// The server-rendered pages (docs/WEB.md): `/` → `/data`, the stock list and stock pages, and
/// the factor-config pages. It registers its routes on the caller's router, so `huice serve`
/// serves pages and the JSON API from one port and one set of middlewares.
public struct WebSite: Sendable {
    public var store: MarketDataStore
    public var factorConfigs: FactorConfigManager

    public init(store: MarketDataStore, factorConfigs: FactorConfigManager) {
        self.store = store
        self.factorConfigs = factorConfigs
    }

    /// Every page route, in registration order.
    public var routes: [WebRoute] {
        [WebRoute.get("/") { _ in .redirect("/data") }]
            + DataPages(store: store).routes
            + ConfigPages(manager: factorConfigs).routes
    }

    /// Adds the routes to `router`. A handler's failure becomes an HTML 500 page (and a log
    /// line): the JSON error envelope is for API clients, not for a browser.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        for route in routes {
            let handler = route.handler, names = route.parameterNames, method = route.method
            router.on(RouterPath(route.path), method: method) { request, context in
                var parameters: [String: String] = [:]
                for name in names { parameters[name] = context.parameters.get(name) }
                let form: FormFields
                if method == .post {
                    let body = try await request.body.collect(upTo: context.maxUploadSize)
                    form = FormFields(encoded: String(buffer: body))
                } else {
                    form = FormFields()
                }
                let page = WebRequest(path: request.uri.path, query: FormFields(encoded: request.uri.query ?? ""), form: form,
                                      parameters: parameters, cookie: { request.cookies[$0]?.value })
                do {
                    switch try await handler(page) {
                    case .page(let content, let status): return WebResponse.html(content, for: page, status: status)
                    case .redirect(let location): return WebResponse.redirect(to: location, for: page)
                    }
                } catch {
                    context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(page.path)"])
                    return WebResponse.html(ErrorPage.serverError(for: page), for: page, status: .internalServerError)
                }
            }
        }
    }
}
