import Synchronization

/// Rows read moments ago, handed out again instead of querying, for the hottest reads.
///
/// An entry is used only while `Database.generation` is what it was before the read (nothing this process wrote since
/// can be missing from it) and for at most `maxAge` ms, which bounds how long a write by another process sharing
/// the file (say, a revocation) can go unseen. Callers still apply every time-based check to the row with the
/// current time. Callers that miss together share one read, so an entry that lapses under load costs one query,
/// not one per waiting request. A `maxAge` of 0 turns all of this off: every call reads.
final class RecentRows<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    typealias Read = @Sendable () async throws -> (value: Value, keep: Bool)

    private struct Entry {
        let value: Value
        let generation: UInt64
        let readAt: Int64
    }

    private struct Flight {
        let generation: UInt64
        let readAt: Int64
        let task: Task<(value: Value, keep: Bool), any Error>
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var flights: [Key: Flight] = [:]
    }

    private enum Lookup {
        case recent(Value)
        case join(Task<(value: Value, keep: Bool), any Error>)
        case lead(Flight)
    }

    let maxAge: Int64
    private let capacity: Int
    private let state = Mutex(State())

    init(maxAge: Int64, capacity: Int = 4096) {
        self.maxAge = maxAge
        self.capacity = capacity
    }

    /// The value for `key`: a recent one that `usable` accepts, the one a read started at the same `generation` is
    /// fetching right now, or the result of `read` (kept for others when it says so).
    func value(for key: Key, generation: UInt64, now: Int64, usable: (Value) -> Bool = { _ in true },
               read: @escaping Read) async throws -> Value {
        guard maxAge > 0 else { return try await read().value }
        let lookup = state.withLock { state -> Lookup in
            if let entry = state.entries[key], entry.generation == generation, entry.readAt <= now,
               now - entry.readAt < maxAge, usable(entry.value) {
                return .recent(entry.value)
            }
            if let flight = state.flights[key], flight.generation == generation, flight.readAt <= now {
                return .join(flight.task)
            }
            let flight = Flight(generation: generation, readAt: now, task: Task { try await read() })
            state.flights[key] = flight
            return .lead(flight)
        }
        switch lookup {
        case .recent(let value):
            return value
        case .join(let task):
            return try await task.value.value
        case .lead(let flight):
            let result = await flight.task.result
            state.withLock { state in
                if state.flights[key]?.task == flight.task { state.flights[key] = nil }
                if case .success(let read) = result, read.keep {
                    if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
                    state.entries[key] = Entry(value: read.value, generation: flight.generation, readAt: flight.readAt)
                }
            }
            return try result.get().value
        }
    }
}
