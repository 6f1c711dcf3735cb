import Foundation

/// A token bucket per remote IP, checked before any SSH bytes are exchanged (like wish's `ratelimiter`).
/// Buckets that have refilled are dropped so the table stays small.
final class ConnectionRateLimiter: @unchecked Sendable {
    struct Policy: Sendable {
        /// Connections allowed at once from one IP.
        var burst: Double
        /// Connections per second regained.
        var refillPerSecond: Double
    }

    private struct Bucket {
        var tokens: Double
        var updated: TimeInterval
    }

    private let policy: Policy
    private let lock = NSLock()
    private var buckets: [String: Bucket] = [:]
    private let now: @Sendable () -> TimeInterval

    init(policy: Policy, now: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.policy = policy
        self.now = now
    }

    /// Takes a token for `ip`; false when it has none left.
    func allow(_ ip: String) -> Bool {
        let time = now()
        return lock.withLock {
            var bucket = buckets[ip] ?? Bucket(tokens: policy.burst, updated: time)
            bucket.tokens = min(policy.burst, bucket.tokens + (time - bucket.updated) * policy.refillPerSecond)
            bucket.updated = time
            guard bucket.tokens >= 1 else {
                buckets[ip] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[ip] = bucket
            if buckets.count > 10_000 { prune(at: time) }
            return true
        }
    }

    private func prune(at time: TimeInterval) {
        buckets = buckets.filter { min(policy.burst, $0.value.tokens + (time - $0.value.updated) * policy.refillPerSecond) < policy.burst }
    }
}
