import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reaps session children as soon as they exit (no zombies), and tells their sessions how they ended.
/// One per process: it listens for SIGCHLD and polls only the pids it was given, so children that other
/// code spawned are left alone.
final class ChildReaper: @unchecked Sendable {
    static let shared = ChildReaper()

    /// How a child ended.
    enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    private let lock = NSLock()
    private var waiting: [pid_t: @Sendable (Termination) -> Void] = [:]
    private let queue = DispatchQueue(label: "clerk-tui.ssh.reaper")
    private let source: DispatchSourceSignal

    private init() {
        source = DispatchSource.makeSignalSource(signal: SIGCHLD, queue: queue)
        source.setEventHandler { [unowned self] in sweep() }
        source.resume()
    }

    /// Calls `onExit` once `pid` has exited and been reaped.
    func watch(_ pid: pid_t, onExit: @escaping @Sendable (Termination) -> Void) {
        lock.withLock { waiting[pid] = onExit }
        // The child may have exited before we were listening for it.
        queue.async { self.sweep() }
    }

    /// Pids not reaped yet.
    var pending: Int { lock.withLock { waiting.count } }

    private func sweep() {
        let pids = lock.withLock { Array(waiting.keys) }
        for pid in pids {
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { continue }
            let signal = status & 0x7f
            let termination: Termination = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            let handler = lock.withLock { waiting.removeValue(forKey: pid) }
            handler?(termination)
        }
    }
}
