import Hummingbird
import Service
import Storage
import Web

/// The Huice HTTP API: all routes (factor configs, backtests, events, health, metrics, OpenAPI)
/// and the router built from them, behind three middlewares — request id and access log,
/// latency metrics, error envelopes — in that order from the outside in.
public struct HuiceAPI<Backtests: BacktestAPI>: Sendable {
    public var factorConfigs: FactorConfigManager
    public var backtests: Backtests
    /// Answers `/healthz`'s store check.
    public var probeStore: @Sendable () async throws -> StoreHealth
    /// How often an idle event stream sends `: ping` (15 s; tests shorten it).
    public var eventHeartbeat: Duration = .seconds(15)
    /// The registry behind `/metrics` (each API its own unless given one).
    public var metrics = ServerMetrics()
    /// The HTML pages served beside the API (docs/WEB.md); nil serves the API alone.
    public var site: WebSite?

    public init(factorConfigs: FactorConfigManager, backtests: Backtests,
                probeStore: @escaping @Sendable () async throws -> StoreHealth) {
        self.factorConfigs = factorConfigs
        self.backtests = backtests
        self.probeStore = probeStore
    }

    /// The API over `store`: its factor configs, and its dialect and schema version for `/healthz`.
    public init(store: MarketDataStore, backtests: Backtests) {
        self.init(factorConfigs: FactorConfigManager(store: store), backtests: backtests) {
            StoreHealth(dialect: store.database.dialectName, schemaVersion: try await store.schemaVersions().last ?? 0)
        }
        // The backtest pages need the real task manager (a fake API serves the data pages only).
        site = WebSite(store: store, factorConfigs: factorConfigs, tasks: backtests as? TaskManager)
    }

    /// Every route, in the order they are registered.
    public var endpoints: [APIEndpoint] {
        let backtests = self.backtests
        return FactorConfigRoutes(manager: factorConfigs).endpoints
            + BacktestRoutes(api: backtests, heartbeat: eventHeartbeat).endpoints
            + SystemRoutes(probeStore: probeStore, refreshGauges: { try await backtests.updateStateGauges() },
                           metrics: metrics).endpoints
    }

    /// A router with the middlewares, every endpoint and the site's pages. Requests to other
    /// paths get the 404 envelope (a GET of an unknown page path, the HTML 404 page); other
    /// methods on a known path the 405 envelope.
    public func makeRouter() -> Router<APIRequestContext> {
        let endpoints = self.endpoints
        let pages = site?.routes.map { (method: $0.method, path: $0.path) } ?? []
        let router = Router(context: APIRequestContext.self)
        // Middlewares apply to the routes added after them, and to unmatched requests.
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: HTTPMetricsMiddleware(factory: metrics.factory))
        router.add(middleware: ErrorEnvelopeMiddleware(
            routes: RouteIndex(endpoints.map { (method: $0.method, path: $0.path) } + pages), servesPages: site != nil))
        for endpoint in endpoints {
            let handler = endpoint.handler
            router.on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try await handler(request, context)
            }
        }
        // Pages answer their own failures with HTML, so the envelope middleware sees none of them.
        site?.register(on: router)
        return router
    }
}
