import Hummingbird
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

/// The port the listener bound, published once by `onServerRunning`.
actor BoundAddress {
    private var port: Int?
    private var waiters: [CheckedContinuation<Int, Never>] = []

    func set(_ value: Int) {
        port = value
        for waiter in waiters { waiter.resume(returning: value) }
        waiters = []
    }

    /// The bound port; fails if the server task ends first (e.g. the port is taken).
    nonisolated func wait(task: Task<Void, any Error>) async throws -> Int {
        try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { await self.value() }
            group.addTask {
                try await task.value
                return nil
            }
            guard let first = try await group.next(), let port = first else {
                throw CancellationError()
            }
            group.cancelAll()
            return port
        }
    }

    private func value() async -> Int {
        if let port { return port }
        return await withCheckedContinuation { waiters.append($0) }
    }
}
