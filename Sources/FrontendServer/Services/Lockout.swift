import SQLKit

/// Per-user failed-attempt counting and lockout, as the instance's `lockout` settings say.
struct Lockout: Sendable {
    let settings: LockoutSettings

    /// `locked_until` of a lock the operator set (`clerk-tui admin users lock`): it has no end and holds whatever the
    /// lockout settings say, until the operator unlocks.
    static let indefinitely = Int64.max
    /// Seconds left that mean "no end": more than any lockout duration can give.
    static let indefiniteSeconds = Int(Int64.max / 1000 / 2)

    /// Seconds left on an active lockout, or nil.
    func remaining(_ user: UserRecord, now: Int64) -> Int? {
        remaining(lockedUntil: user.lockedUntil, now: now)
    }

    /// The same from the `locked_until` column alone, for queries that do not load the whole user.
    func remaining(lockedUntil: Int64?, now: Int64) -> Int? {
        guard let until = lockedUntil, until > now, settings.enabled || until == Self.indefinitely else { return nil }
        return until == Self.indefinitely ? Self.indefiniteSeconds : Int((until - now + 999) / 1000)
    }

    func ensureUnlocked(_ user: UserRecord, now: Int64) throws(APIFailure) {
        if let seconds = remaining(user, now: now) { throw .userLocked(seconds: seconds) }
    }

    /// Counts one failure atomically; returns the lockout failure when this one hits the limit.
    func recordFailure(userID: String, now: Int64, in db: any SQLDatabase) async throws -> APIFailure? {
        guard settings.enabled else { return nil }
        let lockUntil = now + Int64(settings.duration * 1000)
        let row = try await db.raw("""
            UPDATE users SET
              failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN 1
                                ELSE failed_attempts + 1 END,
              locked_until = CASE
                WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN NULL
                WHEN failed_attempts + 1 >= \(bind: settings.maxAttempts) THEN \(bind: lockUntil)
                ELSE locked_until END
            WHERE id = \(bind: userID)
            RETURNING failed_attempts, locked_until
            """).first()
        guard let row, let until = try row.decode(column: "locked_until", as: Int64?.self), until > now else { return nil }
        return .userLocked(seconds: Int((until - now + 999) / 1000))
    }

    func recordSuccess(userID: String, in db: any SQLDatabase) async throws {
        try await db.update("users").set("failed_attempts", to: 0).set("locked_until", to: SQLLiteral.null)
            .where("id", .equal, userID).run()
    }

    /// `verification_attempts_remaining` for the User object.
    func attemptsRemaining(_ user: UserRecord, now: Int64) -> Int {
        if remaining(user, now: now) != nil { return 0 }
        let used = (user.lockedUntil ?? .max) <= now ? 0 : user.failedAttempts
        return max(0, settings.maxAttempts - used)
    }
}
