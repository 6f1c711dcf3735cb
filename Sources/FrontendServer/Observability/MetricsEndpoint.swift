import Hummingbird
import Logging
import Metrics
import NIOCore
import Prometheus
import ServiceLifecycle
import Synchronization

/// Prometheus metrics for operators: `GET /metrics` on its own port (`--metrics-port`), apart from the API so that
/// it can stay on a private interface. Starting it sends every swift-metrics counter, timer and gauge of the process
/// to one Prometheus registry: per-route request counts and latency histograms (Hummingbird's `MetricsMiddleware`),
/// store retries and outages, rate-limit refusals, active SSH sessions.
public final class MetricsEndpoint: Sendable {
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private static let registry = Mutex<PrometheusCollectorRegistry?>(nil)

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.task = task
    }

    /// Binds `host:port` (0 picks a free port) and serves until `stop()`.
    public static func start(host: String, port: Int, logger: Logger) async throws -> MetricsEndpoint {
        let registry = bootstrap()
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        let bound = BoundAddress()
        let application = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                                      onServerRunning: { await bound.set($0.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = bound.run(group)
        do { return MetricsEndpoint(port: try await bound.port(), group: group, task: task) } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
    }

    /// Whether a metrics endpoint collects this process's metrics (started before the server, as `serve` does).
    static var isCollecting: Bool { registry.withLock { $0 != nil } }

    /// The process's registry, bootstrapping swift-metrics onto it the first time (swift-metrics allows one
    /// bootstrap per process).
    static func bootstrap() -> PrometheusCollectorRegistry {
        registry.withLock { registry in
            if let registry { return registry }
            let fresh = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: fresh)
            factory.defaultDurationHistogramBuckets = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                                                       .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                                       .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
                                                       .seconds(5), .seconds(10)]
            MetricsSystem.bootstrap(factory)
            registry = fresh
            return fresh
        }
    }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}
