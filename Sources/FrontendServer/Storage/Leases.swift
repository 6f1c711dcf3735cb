import SQLKit

/// Named, expiring locks in the store (`leases`), for work that must not run twice at once on any node: taken in
/// a transaction of its own, given back when the work ends, and free again after `ttl` if the node holding it dies.
struct Leases: Sendable {
    let database: Database

    /// True when this caller now holds `name` until `now + ttl`; false while someone else holds it.
    func acquire(_ name: String, now: Int64, ttl: Int64) async throws -> Bool {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO leases (name, expires_at) VALUES (\(bind: name), \(bind: now + ttl))
                ON CONFLICT (name) DO UPDATE SET expires_at = excluded.expires_at WHERE leases.expires_at <= \(bind: now)
                RETURNING name
                """).first() != nil
        }
    }

    func release(_ name: String) async throws {
        try await database.write { db in try await db.delete(from: "leases").where("name", .equal, name).run() }
    }
}
