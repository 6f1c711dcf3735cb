/// A counting semaphore for async code: at most `permits` bodies run at once, the rest wait in FIFO order.
final class AsyncSemaphore: Sendable {
    private let state: State

    init(_ permits: Int) { state = State(permits: permits) }

    func withPermit<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await state.acquire()
        do {
            let result = try await body()
            await state.release()
            return result
        } catch {
            await state.release()
            throw error
        }
    }

    private actor State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []

        init(permits: Int) { available = permits }

        func acquire() async {
            if available > 0 {
                available -= 1
                return
            }
            await withCheckedContinuation { waiters.append($0) }
        }

        func release() {
            if waiters.isEmpty { available += 1 } else { waiters.removeFirst().resume() }
        }
    }
}
