import Foundation
import NIOCore

/// The live sessions, so shutdown can tell each of them on its own event loop.
final class SessionRegistry: @unchecked Sendable {
    typealias ID = Int

    private struct Entry {
        let eventLoop: EventLoop
        let shutDown: @Sendable () -> Void
    }

    private let lock = NSLock()
    private var entries: [ID: Entry] = [:]
    private var nextID = 0

    func add(eventLoop: EventLoop, shutDown: @escaping @Sendable () -> Void) -> ID {
        lock.withLock {
            nextID += 1
            entries[nextID] = Entry(eventLoop: eventLoop, shutDown: shutDown)
            return nextID
        }
    }

    func remove(_ id: ID) {
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }

    var count: Int { lock.withLock { entries.count } }

    /// Runs every session's shutdown on its event loop.
    func shutDownAll() {
        for entry in lock.withLock({ Array(entries.values) }) {
            entry.eventLoop.execute(entry.shutDown)
        }
    }
}

/// What every connection and session of one server shares.
final class FrontDoorContext: Sendable {
    let configuration: FrontDoorConfiguration
    let slots: SessionSlots
    let sessions = SessionRegistry()
    let rateLimiter: ConnectionRateLimiter

    init(configuration: FrontDoorConfiguration) {
        self.configuration = configuration
        slots = SessionSlots(capacity: configuration.maxSessions)
        let perMinute = Double(max(1, configuration.connectionsPerMinute))
        rateLimiter = ConnectionRateLimiter(policy: .init(burst: perMinute, refillPerSecond: perMinute / 60))
    }
}
