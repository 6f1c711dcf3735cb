import Foundation
import Synchronization
import Testing
@testable import SSHFrontDoor

@Suite struct LimitsTests {
    final class Clock: Sendable {
        let now = Mutex<TimeInterval>(0)
    }

    @Test func rateLimiterAllowsABurstPerIPThenRefills() {
        let clock = Clock()
        let limiter = ConnectionRateLimiter(policy: .init(burst: 3, refillPerSecond: 1)) { clock.now.withLock { $0 } }
        let burst = (0..<3).map { _ in limiter.allow("10.0.0.1") }
        #expect(burst == [true, true, true])
        #expect(!limiter.allow("10.0.0.1"))
        #expect(limiter.allow("10.0.0.2"))
        clock.now.withLock { $0 = 1.0 }
        #expect(limiter.allow("10.0.0.1"))
        #expect(!limiter.allow("10.0.0.1"))
    }

    @Test func sessionSlotsCapConcurrentSessions() {
        let slots = SessionSlots(capacity: 2)
        let first = slots.acquire()
        let second = slots.acquire()
        #expect(first && second)
        #expect(!slots.acquire())
        slots.release()
        #expect(slots.inUse == 1)
        #expect(slots.acquire())
    }
}
