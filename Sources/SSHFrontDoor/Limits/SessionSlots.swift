import Foundation
import Metrics

/// The cap on concurrent portal sessions (children). A session takes a slot before its child starts and
/// gives it back when the child is gone. How many are taken is the `clerk_tui_ssh_active_sessions` gauge.
final class SessionSlots: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var used = 0
    private let gauge = Gauge(label: "clerk_tui_ssh_active_sessions")

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Takes a slot; false when all are taken.
    func acquire() -> Bool {
        lock.withLock {
            guard used < capacity else { return false }
            used += 1
            gauge.record(used)
            return true
        }
    }

    func release() {
        lock.withLock {
            used = max(0, used - 1)
            gauge.record(used)
        }
    }

    var inUse: Int { lock.withLock { used } }
}
