import Synchronization

/// Rows read moments ago, handed out again instead of querying, for the hottest reads.
///
/// An entry is used only while `Database.generation` is what it was before the read (nothing this process wrote since
/// can be missing from it) and for at most `maxAge` ms, which bounds how long a write by another process sharing
/// the file (say, a revocation) can go unseen. Callers still apply every time-based check to the row with the
/// current time.
final class RecentRows<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let generation: UInt64
        let readAt: Int64
    }

    let maxAge: Int64
    private let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    init(maxAge: Int64, capacity: Int = 4096) {
        self.maxAge = maxAge
        self.capacity = capacity
    }

    func value(for key: Key, generation: UInt64, now: Int64) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.generation == generation,
                  entry.readAt <= now, now - entry.readAt < maxAge else { return nil }
            return entry.value
        }
    }

    /// Remembers `value`, read at `readAt` by a read that started at `generation`.
    func store(_ value: Value, for key: Key, generation: UInt64, readAt: Int64) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(value: value, generation: generation, readAt: readAt)
        }
    }
}
