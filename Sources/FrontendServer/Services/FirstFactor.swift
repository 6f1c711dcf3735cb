import FrontendAPI
import SQLKit

/// `prepare_first_factor` / `attempt_first_factor` / `reset_password` and what follows a verified factor.
struct FirstFactor: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }

    func prepare(signInID: String, strategy: Strategy) async throws -> Reply {
        if strategy.rawValue.hasPrefix("oauth_") {
            return try await OAuthSignIns(exchange: exchange).prepare(signInID: signInID, strategy: strategy)
        }
        if strategy == .passkey { return try await PasskeySignIns(exchange: exchange).prepare(signInID: signInID) }
        if strategy == .emailLink { return try await EmailLinks(exchange: exchange).prepareSignIn(signInID) }
        guard [.emailCode, .phoneCode, .resetPasswordEmailCode, .resetPasswordPhoneCode].contains(strategy) else {
            throw APIFailure.strategyInvalid()
        }
        let isEmail = strategy == .emailCode || strategy == .resetPasswordEmailCode
        let isReset = strategy == .resetPasswordEmailCode || strategy == .resetPasswordPhoneCode
        try await instance.database.write { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            let phantom = exchange.presenter.phantomAccount(signIn)
            guard signIn.status == .needsFirstFactor, signIn.userId != nil || phantom != nil else {
                throw APIFailure(.unprocessableContent, "sign_in_status_invalid", "This sign-in cannot be prepared now.")
            }
            let identifications = if let phantom { phantom.1 } else {
                try await IdentificationRecord.all(in: db, where: "user_id", equals: signIn.userId ?? "")
            }
            let param = isEmail ? "email_address_id" : "phone_number_id"
            let wanted = form.nonEmpty(param)
            let kind: IdentificationKind = isEmail ? .emailAddress : .phoneNumber
            let usable = identifications.filter { $0.kind == kind && $0.verified && !$0.reservedForSecondFactor }
            guard let target = usable.first(where: {
                wanted == nil ? $0.id == signIn.identificationId || signIn.identificationId == nil : $0.id == wanted
            }) ?? (wanted == nil ? usable.first : nil) else {
                throw wanted == nil ? APIFailure.strategyInvalid() : APIFailure.paramInvalid(param)
            }
            try await instance.ensureUnlocked(userID: signIn.userId, in: db)
            try await instance.rateLimiter.hit(.identifierSend, key: target.value, in: db)
            _ = try await instance.codes.prepare(
                owner: signIn.id, slot: "first_factor", strategy: strategy,
                to: .init(kind: kind, value: target.value, identificationID: target.id),
                purpose: isReset ? "reset_password" : "sign_in", send: phantom == nil, in: db)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: nil)
    }

    func attempt(signInID: String) async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let strategy = try form.required("strategy", as: Strategy.self)
        switch strategy {
        case .password: return try await attemptPassword(signInID: signInID, issuedToken: nil)
        case .passkey: return try await PasskeySignIns(exchange: exchange).attempt(signInID: signInID)
        case .emailCode, .phoneCode, .resetPasswordEmailCode, .resetPasswordPhoneCode:
            return try await attemptCode(signInID: signInID, strategy: strategy)
        default: throw APIFailure.strategyInvalid()
        }
    }

    func attemptPassword(signInID: String, issuedToken: String?) async throws -> Reply {
        guard instance.settings.password.enabled else { throw APIFailure.strategyInvalid() }
        let password = try form.required("password")
        let (signIn, user) = try await instance.database.read { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            if let (phantom, _) = exchange.presenter.phantomAccount(signIn) { return (signIn, phantom) }
            guard signIn.status == .needsFirstFactor, let userID = signIn.userId,
                  let user = try await UserRecord.find(userID, in: db) else {
                throw APIFailure(.unprocessableContent, "sign_in_status_invalid", "This sign-in cannot take a first factor now.")
            }
            return (signIn, user)
        }
        try await instance.rateLimiter.hit(.identifierAttempt, key: signIn.userId ?? signIn.identifier ?? "")
        let isPhantom = signIn.userId == nil
        if !isPhantom { try await exchange.claimPasswordCheck(userID: user.id) }
        // A phantom account has no hash: verifying against none costs the same as a wrong password.
        let matches = try await instance.passwords.verify(password, hash: isPhantom ? nil : user.passwordDigest)
        let reply: (String?) = try await instance.writeCommitting { db in
            let now = instance.nowMS
            guard matches, !isPhantom else {
                try await instance.codes.record(owner: signIn.id, slot: "first_factor", strategy: .password, status: .failed, in: db)
                let locked = isPhantom ? nil : try await exchange.lockout.settleFailure(userID: user.id, now: now, in: db)
                exchange.noteProof(userID: user.id, strategy: .password)
                return .rejected(locked ?? .passwordIncorrect)
            }
            if let locked = try await exchange.lockout.settleSuccess(userID: user.id, now: now, in: db) { return .rejected(locked) }
            // The operator marked it compromised: right, but not accepted; the user signs in another way, then resets it.
            if user.passwordCompromisedAt != nil { return .rejected(.passwordCompromised) }
            try await instance.codes.record(owner: signIn.id, slot: "first_factor", strategy: .password, status: .verified, in: db)
            return .success(try await complete(signInID: signIn.id, strategy: .password, in: db))
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: reply ?? issuedToken)
    }

    func attemptCode(signInID: String, strategy: Strategy) async throws -> Reply {
        let code = try form.required("code")
        let token: String? = try await instance.writeCommitting { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            if exchange.presenter.phantomAccount(signIn) != nil {
                // Nobody owns this identifier: no code was sent, so every attempt is wrong (and counts toward the cap).
                if case .rejected(let failure) = try await instance.codes.attempt(owner: signIn.id, slot: "first_factor",
                                                                               strategy: strategy, code: code, in: db) {
                    return .rejected(failure)
                }
                return .rejected(.codeIncorrect)
            }
            guard signIn.status == .needsFirstFactor, let userID = signIn.userId else {
                return .rejected(APIFailure(.unprocessableContent, "sign_in_status_invalid", "This sign-in cannot take a first factor now."))
            }
            if let locked = try await exchange.lockout.hold(userID: userID, now: instance.nowMS, in: db) { return .rejected(locked) }
            switch try await instance.codes.attempt(owner: signIn.id, slot: "first_factor", strategy: strategy, code: code, in: db) {
            case .rejected(let failure):
                if failure.error.code == "form_code_incorrect",
                   let locked = try await exchange.lockout.recordFailure(userID: userID, now: instance.nowMS, in: db) {
                    return .rejected(locked)
                }
                return .rejected(failure)
            case .success:
                try await exchange.lockout.recordSuccess(userID: userID, in: db)
                if strategy == .resetPasswordEmailCode || strategy == .resetPasswordPhoneCode {
                    var updated = signIn
                    updated.status = .needsNewPassword
                    updated.firstFactorAt = instance.nowMS
                    updated.firstFactorStrategy = strategy.rawValue
                    updated.updatedAt = instance.nowMS
                    try await updated.save(in: db)
                    return .success(nil)
                }
                return .success(try await complete(signInID: signIn.id, strategy: strategy, in: db))
            }
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: token)
    }

    /// After a verified first factor: ask for a second one when the user has any, else create the session.
    /// Returns the rotated client token when a session was created.
    /// Without `rotatingToken` (a browser completed the sign-in, not the client) the token is left for the client to
    /// collect later.
    func complete(signInID: String, strategy: Strategy, rotatingToken: Bool = true, in db: any SQLDatabase) async throws -> String? {
        guard var signIn = try await SignInRecord.find(signInID, in: db), let userID = signIn.userId,
              let user = try await UserRecord.find(userID, in: db) else { throw APIFailure.notFound("Sign in") }
        let now = instance.nowMS
        signIn.firstFactorAt = signIn.firstFactorAt ?? now
        signIn.firstFactorStrategy = signIn.firstFactorStrategy ?? strategy.rawValue
        signIn.updatedAt = now
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: userID)
        let second = try await exchange.presenter.secondFactors(user, identifications: identifications, in: db)
        if !second.isEmpty {
            signIn.status = .needsSecondFactor
            try await signIn.save(in: db)
            return nil
        }
        return try await finish(&signIn, secondFactorAt: nil, rotatingToken: rotatingToken, in: db)
    }

    /// Creates the session and completes the sign-in; a ticket sign-in's invitee joins the organization first. The
    /// client's `last_authentication_strategy` becomes the first factor's: Clerk's "Last used" badge knows no other.
    func finish(_ signIn: inout SignInRecord, secondFactorAt: Int64?, rotatingToken: Bool = true,
                in db: any SQLDatabase) async throws -> String? {
        guard var client = try await ClientRecord.find(signIn.clientId, in: db), let userID = signIn.userId else {
            throw APIFailure.notFound("Sign in")
        }
        if let invitationID = signIn.ticketInvitationId {
            try await InvitationTickets(instance: instance).redeem(invitationID, userID: userID, in: db)
        }
        let (session, token) = try await Sessions(instance: instance).create(
            on: &client, exchange: exchange, userID: userID, firstFactorAt: signIn.firstFactorAt,
            secondFactorAt: secondFactorAt, strategy: Strategy(rawValue: signIn.firstFactorStrategy ?? "password"),
            rotatingToken: rotatingToken, in: db)
        client.signInId = nil
        try await client.save(in: db)
        signIn.status = .complete
        signIn.createdSessionId = session.id
        signIn.updatedAt = instance.nowMS
        try await signIn.save(in: db)
        return token
    }

    /// `POST …/reset_password`: sets the new password after a reset code, optionally ending other sessions.
    func resetPassword(signInID: String) async throws -> Reply {
        let password = try form.required("password")
        try instance.passwordPolicy.validate(password)
        let signOutOthers = try form.bool("sign_out_of_other_sessions") ?? false
        let digest = try await instance.passwords.hash(password)
        let token: String? = try await instance.database.write { db in
            var (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            guard signIn.status == .needsNewPassword, let userID = signIn.userId else {
                throw APIFailure(.unprocessableContent, "sign_in_status_invalid", "This sign-in does not need a new password.")
            }
            let now = instance.nowMS
            try await db.update(UserRecord.table).set("password_digest", to: digest).set("password_updated_at", to: now)
                .set("password_compromised_at", to: SQLLiteral.null)
                .set("updated_at", to: now).where("id", .equal, userID).run()
            if signOutOthers { try await Sessions(instance: instance).endAll(userID: userID, in: db) }
            signIn.status = .needsFirstFactor
            try await signIn.save(in: db)
            // The reset code was the first factor (`reset_password_email_code`), kept since it was verified.
            return try await complete(signInID: signIn.id, strategy: Strategy(rawValue: signIn.firstFactorStrategy ?? ""), in: db)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: token)
    }
}
