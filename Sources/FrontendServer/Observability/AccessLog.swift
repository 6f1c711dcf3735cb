import Hummingbird
import Logging

/// One log line per request at `info` (added only when the logger shows `info`): `request_id`, `method`, `route`
/// (the pattern, never the ids in the path), `status` and `latency_ms`. Bodies, headers and query strings are never
/// logged (they carry tokens and codes).
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do { response = try await next(request, context) } catch {
            log(request, context: context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: started)
            throw error
        }
        log(request, context: context, status: response.status.code, since: started)
        return response
    }

    private func log(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: [
            "request_id": "\(context.id)", "method": "\(request.method)", "route": "\(context.endpointPath ?? "unmatched")",
            "status": .stringConvertible(status), "latency_ms": .stringConvertible((milliseconds * 10).rounded() / 10),
        ])
    }
}
