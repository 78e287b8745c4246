import Hummingbird
import NIOCore
import Logging
import Service
import Storage

/// The server-rendered pages (docs/WEB.md): `/` → `/data`, the stock list and stock pages, the
/// factor-config pages and, with a task manager, the backtest and report pages. It registers its
/// routes on the caller's router, so `huice serve` serves pages and the JSON API from one port and
/// one set of middlewares.
public struct WebSite: Sendable {
    public var store: MarketDataStore
    public var factorConfigs: FactorConfigManager
    /// The backtest task manager; nil serves the data and config pages only.
    public var tasks: TaskManager?
    /// The largest file the import page takes (64 MiB: a whole-market Tushare CSV of a few years);
    /// nil leaves it at the request context's limit.
    public var importUploadLimit: Int? = 64 << 20

    public init(store: MarketDataStore, factorConfigs: FactorConfigManager, tasks: TaskManager? = nil) {
        self.store = store
        self.factorConfigs = factorConfigs
        self.tasks = tasks
    }

    /// Every page route, in registration order.
    public var routes: [WebRoute] {
        var routes = [WebRoute.get("/") { _ in .redirect("/data") }]
            + DataPages(store: store, uploadLimit: importUploadLimit).routes
            + ConfigPages(manager: factorConfigs).routes
        if let tasks {
            routes += BacktestPages(tasks: tasks, store: store, factorConfigs: factorConfigs).routes
            routes += ReportPages(tasks: tasks, store: store).routes
        }
        return routes
    }

    /// Adds the routes to `router`. A handler's failure becomes an HTML 500 page (and a log
    /// line): the JSON error envelope is for API clients, not for a browser.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        for route in routes {
            let handler = route.handler, names = route.parameterNames, method = route.method, routeLimit = route.maxBodySize
            router.on(RouterPath(route.path), method: method) { request, context in
                let limit = routeLimit ?? context.maxUploadSize
                var parameters: [String: String] = [:]
                for name in names { parameters[name] = context.parameters.get(name) }
                var form = FormFields(), body: [UInt8] = []
                let contentType = request.headers[.contentType]
                let query = FormFields(encoded: request.uri.query ?? "")
                if method == .post {
                    do {
                        body = Array(buffer: try await request.body.collect(upTo: limit))
                    } catch is NIOTooManyBytesError {
                        // A browser gets a page naming the limit, not the bare 413 of the API.
                        let page = WebRequest(path: request.uri.path, query: query, maxUploadSize: limit,
                                              cookie: { request.cookies[$0]?.value })
                        return WebResponse.html(ErrorPage.tooLarge(for: page), for: page, status: .contentTooLarge)
                    }
                    if contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? true {
                        form = FormFields(encoded: String(decoding: body, as: UTF8.self))
                    }
                }
                let page = WebRequest(path: request.uri.path, query: query, form: form,
                                      parameters: parameters, body: body, contentType: contentType,
                                      maxUploadSize: limit, cookie: { request.cookies[$0]?.value })
                do {
                    switch try await handler(page) {
                    case .page(let content, let status): return WebResponse.html(content, for: page, status: status)
                    case .redirect(let location): return WebResponse.redirect(to: location, for: page)
                    case .file(let data, let type, let name): return WebResponse.file(data, contentType: type, filename: name, for: page)
                    }
                } catch {
                    context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(page.path)"])
                    return WebResponse.html(ErrorPage.serverError(for: page), for: page, status: .internalServerError)
                }
            }
        }
    }
}
