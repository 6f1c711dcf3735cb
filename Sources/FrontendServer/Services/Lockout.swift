import SQLKit

/// Per-user failed-attempt counting and lockout, as the instance's `lockout` settings say.
///
/// At most `max_attempts` guesses are ever evaluated between two locks, whatever the concurrency, on any store:
/// - a guess checked inside the write transaction (codes, TOTP, backup codes, passkeys) first calls `hold`, whose
///   no-op `UPDATE` takes the user's row lock (PostgreSQL) and reads the lock state fresh, then `recordFailure` or
///   `recordSuccess` in the same transaction;
/// - a password, whose hash is checked outside any transaction, first `claim`s a slot (a conditional `UPDATE … WHERE
///   failed_attempts < max RETURNING`, counted as a failure until settled), then `settleFailure` or `settleSuccess`.
///   A lock set by other guesses while the hash was being checked wins over a correct password.
struct Lockout: Sendable {
    let settings: LockoutSettings
    /// The request's security notes, told when this request's failure locks the account.
    var notes: SecurityNotes? = nil

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

    /// Locks the user's row for the rest of the transaction and refuses when the account is locked, or when every
    /// remaining attempt is already claimed by a password being checked (that one decides the lock).
    func hold(userID: String, now: Int64, in db: any SQLDatabase) async throws -> APIFailure? {
        guard settings.enabled else { return nil }
        let row = try await db.raw("""
            UPDATE users SET failed_attempts = failed_attempts WHERE id = \(bind: userID)
            RETURNING failed_attempts, locked_until
            """).first()
        guard let row else { return nil }
        let until = try row.decode(column: "locked_until", as: Int64?.self)
        if let seconds = remaining(lockedUntil: until, now: now) { return .userLocked(seconds: seconds) }
        if until == nil, try row.decode(column: "failed_attempts", as: Int.self) >= settings.maxAttempts {
            return .userLocked(seconds: Int(settings.duration))
        }
        return nil
    }

    /// Claims one password check: counts it as a failure up front, unless the account is locked or every attempt
    /// is taken. Returns the refusal, or nil when the check may run. An expired lock starts a fresh count.
    func claim(userID: String, now: Int64, in db: any SQLDatabase) async throws -> APIFailure? {
        guard settings.enabled else { return nil }
        let claimed = try await db.raw("""
            UPDATE users SET
              failed_attempts = CASE WHEN locked_until <= \(bind: now) THEN 1 ELSE failed_attempts + 1 END,
              locked_until = CASE WHEN locked_until <= \(bind: now) THEN NULL ELSE locked_until END
            WHERE id = \(bind: userID)
              AND ((locked_until IS NULL AND failed_attempts < \(bind: settings.maxAttempts)) OR locked_until <= \(bind: now))
            RETURNING id
            """).first()
        guard claimed == nil else { return nil }
        return try await hold(userID: userID, now: now, in: db)
    }

    /// After a claimed password check failed: the claim already counted it; the account locks once the count is
    /// at the limit. Returns the lockout failure when the account is locked now.
    func settleFailure(userID: String, now: Int64, in db: any SQLDatabase) async throws -> APIFailure? {
        guard settings.enabled else { return nil }
        let row = try await db.raw("""
            UPDATE users SET locked_until = CASE
                WHEN locked_until IS NULL AND failed_attempts >= \(bind: settings.maxAttempts) THEN \(bind: lockUntil(now))
                ELSE locked_until END
            WHERE id = \(bind: userID)
            RETURNING locked_until
            """).first()
        return try lockFailure(row, now: now)
    }

    /// After a claimed password check succeeded: clears the count unless a lock was set meanwhile, which wins.
    func settleSuccess(userID: String, now: Int64, in db: any SQLDatabase) async throws -> APIFailure? {
        guard settings.enabled else { return nil }
        let cleared = try await db.raw("""
            UPDATE users SET failed_attempts = 0, locked_until = NULL
            WHERE id = \(bind: userID) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            RETURNING id
            """).first()
        guard cleared == nil else { return nil }
        return try await hold(userID: userID, now: now, in: db)
    }

    /// Counts one failure atomically; returns the lockout failure when this one hits the limit.
    func recordFailure(userID: String, now: Int64, in db: any SQLDatabase) async throws -> APIFailure? {
        guard settings.enabled else { return nil }
        let row = try await db.raw("""
            UPDATE users SET
              failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN 1
                                ELSE failed_attempts + 1 END,
              locked_until = CASE
                WHEN locked_until IS NOT NULL AND locked_until <= \(bind: now) THEN NULL
                WHEN failed_attempts + 1 >= \(bind: settings.maxAttempts) THEN \(bind: lockUntil(now))
                ELSE locked_until END
            WHERE id = \(bind: userID)
            RETURNING failed_attempts, locked_until
            """).first()
        return try lockFailure(row, now: now)
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

    private func lockUntil(_ now: Int64) -> Int64 { now + Int64(settings.duration * 1000) }

    /// The lockout failure when the row says the account is locked; a lock ending exactly `duration` from now was
    /// set by this statement, which makes this request's security event a lockout.
    private func lockFailure(_ row: (any SQLRow)?, now: Int64) throws -> APIFailure? {
        guard let row, let until = try row.decode(column: "locked_until", as: Int64?.self),
              let seconds = remaining(lockedUntil: until, now: now) else { return nil }
        if until == lockUntil(now) { notes?.note("event", "account_locked") }
        return .userLocked(seconds: seconds)
    }
}
