import Foundation

/// Runs a model full-screen. The loop and every ncurses call live on one dedicated thread; the
/// caller awaits the outcome without blocking Swift's cooperative pool.
public enum Program {
    /// What a finished run leaves behind.
    public struct Outcome<M: Model> {
        public var model: M
        public var frameStats: FrameStats
    }

    /// Runs until the model returns `.quit`. Throws `TerminalError.noTerminfo`/`.notATerminal` when
    /// the terminal cannot be opened (fall back to `PlainPrompter`), and `.terminated` after
    /// SIGTERM/SIGHUP. The terminal is restored on every path.
    public static func run<M: Model & SendableMetatype>(_ model: M, options: TerminalOptions) async throws -> Outcome<M> {
        let box = UncheckedBox(model)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UncheckedBox<Outcome<M>>, any Error>) in
            let thread = Thread {
                do {
                    let backend = try NcursesBackend(options: options)
                    let runtime = Runtime(model: box.value, backend: backend)
                    let signal = runtime.run()
                    backend.close()
                    if let signal {
                        continuation.resume(throwing: TerminalError.terminated(signal: signal))
                    } else {
                        continuation.resume(returning: UncheckedBox(Outcome(model: runtime.model, frameStats: runtime.stats)))
                    }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "TerminalUI"
            thread.stackSize = 8 << 20
            thread.start()
        }.value
    }
}

/// Moves a value to the UI thread and back; only one thread touches it at a time.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
