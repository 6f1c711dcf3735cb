import Foundation
import FrontendAPI
import SQLKit

/// `/v1/client/sessions/{id}/verify*`: the signed-in user proves a factor again before a sensitive action. Success
/// refreshes the session's `first_factor_at` / `second_factor_at`, and with them `factor_verification_age`.
///
/// State: a row in `verifications` owned by the session (slot `reverification`, strategy = level, status = the
/// reverification status: see `level` and `reverificationStatus` below); codes sent during it use the
/// `reverification_first` / `reverification_second` slots.
struct SessionReverification: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }

    private static let stateSlot = "reverification"
    static let firstSlot = "reverification_first"
    private static let secondSlot = "reverification_second"

    struct Loaded {
        var session: SessionRecord
        let user: UserRecord
        let client: ClientRecord
        let identifications: [IdentificationRecord]
    }

    func load(_ sessionID: String, in db: any SQLDatabase) async throws -> Loaded {
        let client = try await exchange.requireClient(in: db)
        guard let session = try await SessionRecord.find(sessionID, in: db), session.clientId == client.id else {
            throw APIFailure.notFound("Session")
        }
        guard Sessions(instance: instance).effectiveStatus(session, now: instance.nowMS) == .active,
              let user = try await UserRecord.find(session.userId, in: db) else { throw APIFailure.authenticationInvalid }
        try exchange.lockout.ensureUnlocked(user, now: instance.nowMS)
        return Loaded(session: session, user: user, client: client,
                      identifications: try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id))
    }

    func state(_ sessionID: String, in db: any SQLDatabase) async throws -> VerificationRecord {
        guard let state = try await instance.codes.find(owner: sessionID, slot: Self.stateSlot, in: db) else {
            throw APIFailure(.unprocessableContent, "verification_missing", "No reverification in progress.",
                             long: "Start a reverification with POST /v1/client/sessions/{id}/verify first.")
        }
        return state
    }

    func render(_ loaded: Loaded, in db: any SQLDatabase) async throws -> Reply {
        let state = try await self.state(loaded.session.id, in: db)
        let presenter = exchange.presenter
        let second = try await presenter.secondFactors(loaded.user, identifications: loaded.identifications, in: db)
        let hasPasskey = try await presenter.hasUsablePasskey(loaded.user.id, in: db)
        let first = presenter.firstFactors(loaded.user, identifications: loaded.identifications, identifyingID: nil, identifier: nil,
                                           hasPasskey: hasPasskey)
            .filter { ![Strategy.resetPasswordEmailCode, .resetPasswordPhoneCode].contains($0.strategy) }
        let code = try await instance.codes.find(owner: loaded.session.id, slot: Self.firstSlot, in: db)
        let verification = SessionVerification(
            level: state.level, status: state.reverificationStatus,
            supportedFirstFactors: first, supportedSecondFactors: second.isEmpty ? nil : second,
            firstFactorVerification: try await code == nil
                ? presenter.passkeyVerification(owner: loaded.session.id, purpose: .reverification, in: db) : presenter.verification(code),
            secondFactorVerification: presenter.verification(try await instance.codes.find(owner: loaded.session.id, slot: Self.secondSlot, in: db)),
            session: try await presenter.session(loaded.session, in: db))
        return try await exchange.envelope(verification, client: loaded.client, in: db)
    }

    /// Starts (or restarts) a reverification at `level`; second-factor levels fall back to the first factor for users
    /// without a second factor, as Clerk does.
    func start(_ sessionID: String) async throws -> Reply {
        let level = try form.required("level", as: SessionVerification.Level.self)
        guard [.firstFactor, .secondFactor, .multiFactor].contains(level) else { throw APIFailure.paramInvalid("level") }
        return try await instance.database.write { db in
            let loaded = try await load(sessionID, in: db)
            let hasSecond = try await !exchange.presenter.secondFactors(loaded.user, identifications: loaded.identifications, in: db).isEmpty
            let effective: SessionVerification.Level = hasSecond ? level : .firstFactor
            let status: SessionVerificationStatus = effective == .secondFactor ? .needsSecondFactor : .needsFirstFactor
            for slot in [Self.firstSlot, Self.secondSlot] {
                try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, sessionID).where("slot", .equal, slot).run()
            }
            try await WebAuthnChallenges(instance: instance).discard(owner: sessionID, purpose: .reverification, in: db)
            try await instance.codes.record(owner: sessionID, slot: Self.stateSlot, strategy: Strategy(rawValue: effective.rawValue),
                                            status: VerificationStatus(rawValue: status.rawValue), in: db)
            return try await render(loaded, in: db)
        }
    }

    func prepareFirstFactor(_ sessionID: String) async throws -> Reply {
        let strategy = try form.required("strategy", as: Strategy.self)
        if strategy == .passkey { return try await preparePasskey(sessionID) }
        guard strategy == .emailCode || strategy == .phoneCode else { throw APIFailure.strategyInvalid() }
        return try await prepare(sessionID, strategy: strategy, expecting: .needsFirstFactor, slot: Self.firstSlot,
                                 reserved: false)
    }

    func prepareSecondFactor(_ sessionID: String) async throws -> Reply {
        let strategy = try form.required("strategy", as: Strategy.self)
        guard strategy == .phoneCode else { throw APIFailure.strategyInvalid() }
        return try await prepare(sessionID, strategy: strategy, expecting: .needsSecondFactor, slot: Self.secondSlot,
                                 reserved: true)
    }

    private func prepare(_ sessionID: String, strategy: Strategy, expecting status: SessionVerificationStatus, slot: String,
                         reserved: Bool) async throws -> Reply {
        let kind: IdentificationKind = strategy == .emailCode ? .emailAddress : .phoneNumber
        let param = kind == .emailAddress ? "email_address_id" : "phone_number_id"
        let wanted = form.nonEmpty(param)
        return try await instance.database.write { db in
            let loaded = try await load(sessionID, in: db)
            guard try await state(sessionID, in: db).reverificationStatus == status else { throw APIFailure.strategyInvalid() }
            let candidates = loaded.identifications.filter { $0.kind == kind && $0.verified && (!reserved || $0.reservedForSecondFactor) }
            let primaryID = kind == .emailAddress ? loaded.user.primaryEmailAddressId : loaded.user.primaryPhoneNumberId
            guard let target = wanted.map({ id in candidates.first { $0.id == id } })
                    ?? candidates.first(where: { $0.id == primaryID || $0.defaultSecondFactor }) ?? candidates.first else {
                throw wanted == nil ? APIFailure.strategyInvalid() : APIFailure.paramInvalid(param)
            }
            try await instance.rateLimiter.hit(.identifierSend, key: target.value, in: db)
            _ = try await instance.codes.prepare(owner: sessionID, slot: slot, strategy: strategy,
                                                 to: .init(kind: kind, value: target.value, identificationID: target.id),
                                                 purpose: "reverification", in: db)
            return try await render(loaded, in: db)
        }
    }

    func attemptFirstFactor(_ sessionID: String) async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let strategy = try form.required("strategy", as: Strategy.self)
        switch strategy {
        case .password:
            let password = try form.required("password")
            let user = try await instance.database.read { db in try await load(sessionID, in: db).user }
            try await exchange.claimPasswordCheck(userID: user.id)
            let matches = try await instance.passwords.verify(password, hash: user.passwordDigest)
            return try await attempt(sessionID, expecting: .needsFirstFactor, slot: Self.firstSlot, strategy: strategy,
                                     claimed: true) { _ in matches }
        case .emailCode, .phoneCode:
            let code = try form.required("code")
            return try await attempt(sessionID, expecting: .needsFirstFactor, slot: Self.firstSlot, strategy: strategy) { db in
                try await codeMatches(sessionID, slot: Self.firstSlot, strategy: strategy, code: code, in: db)
            }
        case .passkey: return try await attemptPasskey(sessionID)
        default: throw APIFailure.strategyInvalid()
        }
    }

    func attemptSecondFactor(_ sessionID: String) async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let strategy = try form.required("strategy", as: Strategy.self)
        let code = try form.required("code")
        guard [.totp, .backupCode, .phoneCode].contains(strategy) else { throw APIFailure.strategyInvalid() }
        return try await attempt(sessionID, expecting: .needsSecondFactor, slot: Self.secondSlot, strategy: strategy) { db in
            let user = try await load(sessionID, in: db).user
            switch strategy {
            case .totp: return user.totpVerified ? try await SecondFactor.consumeTOTP(user: user, code: code, instance: instance, in: db) : false
            case .backupCode: return try await SecondFactor.consumeBackupCode(userID: user.id, code: code, instance: instance, in: db)
            default: return try await codeMatches(sessionID, slot: Self.secondSlot, strategy: strategy, code: code, in: db)
            }
        }
    }

    /// A code check whose non-"incorrect" failures (expired, too many tries, not prepared) end the attempt as is.
    private func codeMatches(_ sessionID: String, slot: String, strategy: Strategy, code: String,
                             in db: any SQLDatabase) async throws -> Bool {
        switch try await instance.codes.attempt(owner: sessionID, slot: slot, strategy: strategy, code: code, in: db) {
        case .success: return true
        case .rejected(let failure) where failure.error.code == "form_code_incorrect": return false
        case .rejected(let failure): throw failure
        }
    }

    /// Runs one factor check; failures count toward lockout, success moves the state on and refreshes the factor time.
    /// A `claimed` check (a password, verified before the transaction) was counted by `Lockout.claim` and settles here.
    private func attempt(_ sessionID: String, expecting status: SessionVerificationStatus, slot: String, strategy: Strategy,
                         claimed: Bool = false,
                         check: @escaping @Sendable (any SQLDatabase) async throws -> Bool) async throws -> Reply {
        try await instance.writeCommitting { db in
            var loaded = try await load(sessionID, in: db)
            var state = try await state(sessionID, in: db)
            guard state.reverificationStatus == status else { return .rejected(.strategyInvalid()) }
            let now = instance.nowMS, lockout = exchange.lockout, userID = loaded.user.id
            if !claimed, let locked = try await lockout.hold(userID: userID, now: now, in: db) { return .rejected(locked) }
            let isCode = strategy == .emailCode || strategy == .phoneCode
            guard try await check(db) else {
                if !isCode { try await instance.codes.record(owner: sessionID, slot: slot, strategy: strategy, status: .failed, in: db) }
                let locked = claimed ? try await lockout.settleFailure(userID: userID, now: now, in: db)
                    : try await lockout.recordFailure(userID: userID, now: now, in: db)
                exchange.noteProof(userID: userID, strategy: strategy)
                return .rejected(locked ?? (strategy == .password ? .passwordIncorrect : .codeIncorrect))
            }
            if claimed {
                if let locked = try await lockout.settleSuccess(userID: userID, now: now, in: db) { return .rejected(locked) }
            } else {
                try await lockout.recordSuccess(userID: userID, in: db)
            }
            if !isCode { try await instance.codes.record(owner: sessionID, slot: slot, strategy: strategy, status: .verified, in: db) }
            return .success(try await advance(&loaded, state: &state, from: status, in: db))
        }
    }

    /// After a verified factor: the next status, and the factor's time on the session.
    func advance(_ loaded: inout Loaded, state: inout VerificationRecord, from status: SessionVerificationStatus,
                 in db: any SQLDatabase) async throws -> Reply {
        let now = instance.nowMS
        if status == .needsFirstFactor {
            loaded.session.firstFactorAt = now
            state.reverificationStatus = state.level == .multiFactor ? .needsSecondFactor : .complete
        } else {
            loaded.session.secondFactorAt = now
            state.reverificationStatus = .complete
        }
        state.updatedAt = now
        try await state.save(in: db)
        loaded.session.updatedAt = now
        try await loaded.session.save(in: db)
        return try await render(loaded, in: db)
    }
}

/// A reverification's own row in `verifications` keeps its level in `strategy` and its status in `status`.
extension VerificationRecord {
    var level: SessionVerification.Level { .init(rawValue: strategy.rawValue) }

    var reverificationStatus: SessionVerificationStatus {
        get { .init(rawValue: status.rawValue) }
        set { status = .init(rawValue: newValue.rawValue) }
    }
}
