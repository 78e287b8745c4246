import Metrics
import Prometheus

/// The Prometheus registry `/metrics` renders, and the swift-metrics factory that writes into it.
///
/// The server's own HTTP metrics are recorded through `factory` directly, so an app works without
/// touching the process-wide swift-metrics backend (tests build many apps, and other test targets
/// install their own backend). `huice serve` also makes `factory` that backend, once, so the task
/// manager's metrics, recorded through the global system, land in the same registry.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Installs `factory` as the process's swift-metrics backend. swift-metrics allows this once
    /// per process (a second call traps), so only the composition root (`HuiceServer.run`) calls it.
    public func bootstrapMetricsSystem() {
        MetricsSystem.bootstrap(factory)
    }

    /// The Prometheus text exposition (format 0.0.4) of every metric recorded so far.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
