import Hummingbird
import ServiceLifecycle
import Synchronization

/// The route table needs the bound port (for `iss`), which is only known once the server runs; requests arriving
/// in between get 503.
final class InstanceBox: Sendable {
    private let responder = Mutex<MethodOverrideResponder?>(nil)
    func set(_ value: MethodOverrideResponder) { responder.withLock { $0 = value } }
    var value: MethodOverrideResponder? { responder.withLock { $0 } }
}

struct LazyResponder: HTTPResponder {
    typealias Context = FAPIRequestContext
    let box: InstanceBox

    func respond(to request: Request, context: FAPIRequestContext) async throws -> Response {
        guard let responder = box.value else { return Response(status: .serviceUnavailable) }
        return try await responder.respond(to: request, context: context)
    }
}

/// The port the listener bound, published once by `onServerRunning`, or the failure that ended the server first.
actor BoundAddress {
    private var result: Result<Int, any Error>?
    private var waiters: [CheckedContinuation<Int, any Error>] = []

    func set(_ port: Int) { finish(.success(port)) }

    func fail(_ error: any Error) { finish(.failure(error)) }

    private func finish(_ value: Result<Int, any Error>) {
        guard result == nil else { return }
        result = value
        for waiter in waiters { waiter.resume(with: value) }
        waiters = []
    }

    /// Runs `group` (whose listener reports here) in a task; a group that ends or fails before binding fails `port()`.
    nonisolated func run(_ group: ServiceGroup) -> Task<Void, any Error> {
        Task {
            do {
                try await group.run()
                await fail(ServerDidNotStart(underlying: nil))
            } catch {
                await fail(ServerDidNotStart(underlying: error))
                throw error
            }
        }
    }

    func port() async throws -> Int {
        if let result { return try result.get() }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }
}

/// Raised when the server task ends before it bound (for example, the port is taken).
struct ServerDidNotStart: Error, CustomStringConvertible {
    let underlying: (any Error)?
    var description: String { underlying.map { "\($0)" } ?? "the server stopped before listening" }
}
