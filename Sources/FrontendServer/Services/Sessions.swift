import FrontendAPI
import SQLKit

/// Session lifecycle on the server: creation at sign-in, expiry and inactivity, ending and revoking.
struct Sessions: Sendable {
    let instance: FrontendInstance

    /// A session's status once `expire_at` / `abandon_at` are applied (the stored one may lag).
    func effectiveStatus(_ session: SessionRecord, now: Int64) -> SessionStatus {
        guard session.status == .active || session.status == .pending else { return session.status }
        if now >= session.expireAt { return .expired }
        if now >= session.abandonAt { return .abandoned }
        return session.status
    }

    /// The status clients see: `effectiveStatus`, except that an active session with tasks left (`tasks(_:user:)`)
    /// is `pending` (with `sts: pending` in its tokens) until they are done. Stored rows stay `active` throughout.
    func presentedStatus(_ session: SessionRecord, user: SessionUserFacts, now: Int64) -> SessionStatus {
        let status = effectiveStatus(session, now: now)
        guard status == .active, !tasks(session, user: user).isEmpty else { return status }
        return .pending
    }

    /// What the session must do before it is active, as Clerk's session tasks: `reset-password` while the operator's
    /// mark on the password stands, `setup-mfa` while the instance requires a second factor the user has none of,
    /// `choose-organization` while the instance forces organization selection and none is active (selecting or
    /// creating one clears it). Doing the task clears it at once: these are read from the user and session each time.
    func tasks(_ session: SessionRecord, user: SessionUserFacts) -> [SessionTask] {
        var keys: [SessionTask.Key] = []
        if user.passwordCompromised { keys.append(.resetPassword) }
        if instance.settings.mfa.required, !user.hasSecondFactor { keys.append(.setupMFA) }
        if instance.settings.organizations.forceOrganizationSelection, session.lastActiveOrganizationId == nil {
            keys.append(.chooseOrganization)
        }
        return keys.map(SessionTask.init(key:))
    }

    /// Active sessions of a client, with lapsed ones marked in the database.
    func active(clientID: String, in db: any SQLDatabase) async throws -> [SessionRecord] {
        let now = instance.nowMS
        var result: [SessionRecord] = []
        for var session in try await SessionRecord.all(in: db, where: "client_id", equals: clientID) where session.status == .active {
            let status = effectiveStatus(session, now: now)
            if status != session.status {
                session.status = status
                session.updatedAt = now
                try await session.save(in: db)
            } else {
                result.append(session)
            }
        }
        return result
    }

    /// Creates an active session for `userID` on `client`, makes it the client's current one and rotates the
    /// client token (unless the client is not the caller: see `OAuthSignIns.collectToken`). The caller saves the client.
    func create(on client: inout ClientRecord, exchange: Exchange, userID: String, firstFactorAt: Int64?,
                secondFactorAt: Int64?, strategy: Strategy, rotatingToken: Bool = true,
                in db: any SQLDatabase) async throws -> (SessionRecord, token: String?) {
        // Whatever the way in, a banned user gets no session.
        if try await UserRecord.find(userID, in: db)?.banned == true { throw APIFailure.userBanned }
        let now = instance.nowMS
        let settings = instance.settings.sessions
        let expireAt = now + Int64(settings.maxLifetime * 1000)
        let abandonAt = settings.inactivityTimeout.map { min(expireAt, now + Int64($0 * 1000)) } ?? expireAt
        if !settings.multiSession {
            try await db.update(SessionRecord.table).set("status", to: SessionStatus.ended).set("updated_at", to: now)
                .where("client_id", .equal, client.id).where("status", .equal, SessionStatus.active).run()
        }
        var session = SessionRecord(id: RandomToken.id(.sess), clientId: client.id, userId: userID, status: .active,
                                    lastActiveAt: now, expireAt: expireAt, abandonAt: abandonAt,
                                    lastActiveOrganizationId: nil, firstFactorAt: firstFactorAt,
                                    secondFactorAt: secondFactorAt, createdAt: now, updatedAt: now)
        Self.noteActivity(of: exchange.call, on: &session)
        try await session.insert(in: db)
        try await db.update(UserRecord.table).set("last_sign_in_at", to: now).set("last_active_at", to: now)
            .where("id", .equal, userID).run()
        client.lastActiveSessionId = session.id
        client.lastAuthenticationStrategy = strategy.rawValue
        client.updatedAt = now
        return (session, rotatingToken ? exchange.rotateToken(&client) : nil)
    }

    /// Records the device and address `call` came from as the session's latest activity (saved with the session).
    static func noteActivity(of call: APICall, on session: inout SessionRecord) {
        let device = call.device.description
        session.activityDeviceType = device.deviceType
        session.activityBrowserName = device.browserName
        session.activityBrowserVersion = device.browserVersion
        session.activityIsMobile = device.isMobile
        session.activityIpAddress = call.remoteIP
    }

    /// Marks activity: moves `last_active_at` and the inactivity deadline.
    func touch(_ session: inout SessionRecord, in db: any SQLDatabase) async throws {
        let now = instance.nowMS
        session.lastActiveAt = now
        if let timeout = instance.settings.sessions.inactivityTimeout {
            session.abandonAt = min(session.expireAt, now + Int64(timeout * 1000))
        }
        session.updatedAt = now
        try await session.save(in: db)
    }

    /// Ends every active session of a user except `keeping` (password reset, lock, delete).
    func endAll(userID: String, except keeping: String? = nil, status: SessionStatus = .revoked, in db: any SQLDatabase) async throws {
        let now = instance.nowMS
        var query = db.update(SessionRecord.table).set("status", to: status).set("updated_at", to: now)
            .where("user_id", .equal, userID).where("status", .equal, SessionStatus.active)
        if let keeping { query = query.where("id", .notEqual, keeping) }
        try await query.run()
    }

    /// Checks before a sign-in or sign-up starts on a client that already has sessions.
    func ensureCanSignIn(client: ClientRecord?, userID: String?, in db: any SQLDatabase) async throws {
        guard let client else { return }
        let sessions = try await active(clientID: client.id, in: db)
        if !instance.settings.sessions.multiSession, !sessions.isEmpty { throw APIFailure.sessionExists }
        if let userID, let existing = sessions.first(where: { $0.userId == userID }) {
            throw APIFailure.alreadySignedIn(sessionID: existing.id)
        }
    }
}

/// What a user's sessions' tasks depend on.
struct SessionUserFacts: Sendable, Equatable {
    /// An authenticator app or a phone number reserved for second-factor codes.
    var hasSecondFactor: Bool
    /// The operator marked the password compromised (`clerk-tui admin users mark-compromised`).
    var passwordCompromised: Bool

    init(hasSecondFactor: Bool, passwordCompromised: Bool) {
        self.hasSecondFactor = hasSecondFactor
        self.passwordCompromised = passwordCompromised
    }

    init(_ user: UserRecord, identifications: [IdentificationRecord]) {
        self.init(hasSecondFactor: user.totpVerified || identifications.contains { $0.reservedForSecondFactor },
                  passwordCompromised: user.passwordCompromisedAt != nil)
    }
}
