import Metrics
import Prometheus

/// The process's Prometheus registry, installed as the swift-metrics backend the first time it is
/// used. swift-metrics allows one bootstrap per process, and every app built in that process (a
/// test builds many) shares it, so it is a lazily created singleton.
public final class ServerMetrics: Sendable {
    public static let shared = ServerMetrics()

    public let registry: PrometheusCollectorRegistry

    private init() {
        registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }

    /// The Prometheus text exposition (format 0.0.4) of every metric recorded so far.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
