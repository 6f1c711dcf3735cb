import SQLKit

/// Durable fixed-window counters in the `rate_limits` table, incremented by a single upsert statement.
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
    func hit(_ rule: Rule, key: String, in db: any SQLDatabase) async throws {
        guard settings.enabled else { return }
        let limit = max(1, Int((Double(rule.limit) * settings.scale).rounded()))
        let now = clock.now().epochMilliseconds
        let windowMS = rule.window * 1000
        let staleBefore = now - windowMS
        let fullKey = rule.name + ":" + key
        let row = try await db.raw("""
                INSERT INTO rate_limits (key, window_start, hits) VALUES (\(bind: fullKey), \(bind: now), 1)
                ON CONFLICT (key) DO UPDATE SET
                  hits = CASE WHEN rate_limits.window_start <= \(bind: staleBefore) THEN 1 ELSE rate_limits.hits + 1 END,
                  window_start = CASE WHEN rate_limits.window_start <= \(bind: staleBefore) THEN \(bind: now)
                                 ELSE rate_limits.window_start END
                RETURNING hits, window_start
                """).first()
        guard let row else { return }
        let hits = try row.decode(column: "hits", as: Int.self)
        let start = try row.decode(column: "window_start", as: Int64.self)
        if hits > limit {
            let retryAfter = Int((start + windowMS - now + 999) / 1000)
            throw APIFailure.tooManyRequests(retryAfter: retryAfter)
        }
    }
}
