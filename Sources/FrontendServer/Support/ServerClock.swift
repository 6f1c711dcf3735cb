import Foundation
import Synchronization

/// The source of "now" for every expiry, lockout and rate-limit decision, injectable for tests.
public protocol ServerClock: Sendable {
    func now() -> Date
}

/// Wall-clock time.
public struct SystemClock: ServerClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to: tests advance it past expiries and lockouts.
public final class ManualClock: ServerClock {
    private let current: Mutex<Date>

    public init(_ start: Date = Date()) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }

    public func set(_ date: Date) { current.withLock { $0 = date } }
}

extension Date {
    /// Unix epoch milliseconds, the unit of every FAPI resource timestamp.
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(epochMilliseconds: Int64) { self.init(timeIntervalSince1970: Double(epochMilliseconds) / 1000) }
}
