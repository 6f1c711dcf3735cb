import Metrics
import SQLKit

/// Durable sliding-window counters in the `rate_limits` table.
struct RateLimiter: Sendable {
    /// A named limit: `limit` hits per `window` seconds.
    struct Rule: Sendable {
        let name: String
        let limit: Int
        let window: Int64

        /// Clerk's documented per-IP limits.
        static let createSignIn = Rule(name: "sign_in_create", limit: 5, window: 10)
        static let createSignUp = Rule(name: "sign_up_create", limit: 5, window: 10)
        static let attempt = Rule(name: "attempt", limit: 3, window: 10)
        /// Per-identifier caps, keyed by what is being guessed or sent to.
        static let identifierAttempt = Rule(name: "identifier_attempt", limit: 10, window: 60)
        static let identifierSend = Rule(name: "identifier_send", limit: 10, window: 3600)
    }

    let settings: RateLimitSettings
    let database: Database
    let clock: any ServerClock

    /// Counts one hit for `key` under `rule`; throws 429 with `Retry-After` once the window's limit is passed.
    func hit(_ rule: Rule, key: String) async throws {
        guard settings.enabled else { return }
        try await database.write { db in try await hit(rule, key: key, in: db) }
    }

    /// Counts inside the caller's transaction (for limits on work that only happens if that transaction commits).
    ///
    /// Sliding-window counter: the previous aligned window's hits count in proportion to how much of it still
    /// overlaps the last `window` seconds, so a burst straddling a window edge cannot double the limit. Refused hits
    /// are not counted, so `Retry-After` is exact for a client that waits it out.
    func hit(_ rule: Rule, key: String, in db: any SQLDatabase) async throws {
        guard settings.enabled else { return }
        let limit = Double(max(1, Int((Double(rule.limit) * settings.scale).rounded())))
        let now = clock.now().epochMilliseconds
        let window = rule.window * 1000
        let current = now - now % window
        let fullKey = rule.name + ":" + key
        let row = try await db.select().columns("window_start", "hits", "previous_hits").from("rate_limits")
            .where("key", .equal, fullKey).first()
        var hits = 0.0, previous = 0.0
        if let row {
            let start = try row.decode(column: "window_start", as: Int64.self)
            let stored = Double(try row.decode(column: "hits", as: Int.self))
            if start == current {
                hits = stored
                previous = Double(try row.decode(column: "previous_hits", as: Int.self))
            } else if start == current - window {
                previous = stored
            }
        }
        let overlap = Double(window - (now - current)) / Double(window)
        guard previous * overlap + hits + 1 <= limit else {
            Counter(label: "clerk_tui_rate_limit_refusals_total", dimensions: [("rule", rule.name)]).increment()
            throw APIFailure.tooManyRequests(retryAfter: Self.retryAfter(now: now, current: current, window: window,
                                                                         hits: hits, previous: previous, limit: limit))
        }
        try await db.raw("""
            INSERT INTO rate_limits (key, window_start, hits, previous_hits)
            VALUES (\(bind: fullKey), \(bind: current), \(bind: Int(hits) + 1), \(bind: Int(previous)))
            ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, hits = excluded.hits,
              previous_hits = excluded.previous_hits
            """).run()
    }

    /// Seconds until one more hit fits: later in this window if the previous one's share is what blocks, else in the
    /// next window once this one's share has decayed enough.
    static func retryAfter(now: Int64, current: Int64, window: Int64, hits: Double, previous: Double, limit: Double) -> Int {
        let w = Double(window)
        let at: Double
        if hits + 1 <= limit, previous > 0 {
            at = Double(current) + w * (1 - (limit - hits - 1) / previous)
        } else {
            at = Double(current + window) + (hits > 0 ? w * max(0, 1 - (limit - 1) / hits) : 0)
        }
        return max(1, Int(((at - Double(now)) / 1000).rounded(.up)))
    }
}
