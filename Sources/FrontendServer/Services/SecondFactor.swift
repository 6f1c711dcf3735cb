import FrontendAPI
import SQLKit

/// `prepare_second_factor` / `attempt_second_factor`: TOTP, backup codes and SMS codes.
struct SecondFactor: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }

    func prepare(signInID: String) async throws -> Reply {
        let strategy = try form.required("strategy", as: Strategy.self)
        guard strategy == .phoneCode else { throw APIFailure.strategyInvalid() }
        try await instance.database.write { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            guard signIn.status == .needsSecondFactor, let userID = signIn.userId else { throw APIFailure.noSecondFactors }
            let wanted = form.nonEmpty("phone_number_id")
            let phones = try await IdentificationRecord.all(in: db, where: "user_id", equals: userID)
                .filter { $0.kind == .phoneNumber && $0.reservedForSecondFactor }
            guard let phone = phones.first(where: { wanted == nil ? $0.defaultSecondFactor : $0.id == wanted }) ?? (wanted == nil ? phones.first : nil) else {
                throw APIFailure.strategyInvalid()
            }
            try await instance.ensureUnlocked(userID: userID, in: db)
            try await instance.rateLimiter.hit(.identifierSend, key: phone.value, in: db)
            _ = try await instance.codes.prepare(owner: signIn.id, slot: "second_factor", strategy: .phoneCode,
                                                 to: .init(kind: .phoneNumber, value: phone.value, identificationID: phone.id),
                                                 purpose: "sign_in_second_factor", in: db)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: nil)
    }

    func attempt(signInID: String) async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let strategy = try form.required("strategy", as: Strategy.self)
        let code = try form.required("code")
        guard [.totp, .backupCode, .phoneCode].contains(strategy) else { throw APIFailure.strategyInvalid() }
        let token: String? = try await instance.writeCommitting { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            guard signIn.status == .needsSecondFactor, let userID = signIn.userId,
                  let user = try await UserRecord.find(userID, in: db) else { return .rejected(.noSecondFactors) }
            let now = instance.nowMS
            if let locked = try await exchange.lockout.hold(userID: userID, now: now, in: db) { return .rejected(locked) }
            let accepted: Bool
            switch strategy {
            case .totp:
                guard user.totpVerified else { return .rejected(.strategyInvalid()) }
                accepted = try await Self.consumeTOTP(user: user, code: code, instance: instance, in: db)
            case .backupCode:
                accepted = try await Self.consumeBackupCode(userID: userID, code: code, instance: instance, in: db)
            default:
                switch try await instance.codes.attempt(owner: signIn.id, slot: "second_factor", strategy: strategy, code: code, in: db) {
                case .success: accepted = true
                case .rejected(let failure) where failure.error.code == "form_code_incorrect": accepted = false
                case .rejected(let failure): return .rejected(failure)
                }
            }
            guard accepted else {
                if strategy != .phoneCode {
                    try await instance.codes.record(owner: signIn.id, slot: "second_factor", strategy: strategy, status: .failed, in: db)
                }
                let locked = try await exchange.lockout.recordFailure(userID: userID, now: now, in: db)
                exchange.noteProof(userID: userID, strategy: strategy)
                return .rejected(locked ?? .codeIncorrect)
            }
            try await exchange.lockout.recordSuccess(userID: userID, in: db)
            if strategy != .phoneCode {
                try await instance.codes.record(owner: signIn.id, slot: "second_factor", strategy: strategy, status: .verified, in: db)
            }
            var updated = signIn
            return .success(try await FirstFactor(exchange: exchange).finish(&updated, secondFactorAt: now, in: db))
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: token)
    }

    /// Accepts a TOTP code at most once per step per user: the step is claimed by compare-and-set.
    static func consumeTOTP(user: UserRecord, code: String, instance: FrontendInstance, in db: any SQLDatabase) async throws -> Bool {
        guard let sealed = user.totpSecret,
              let secret = try? TOTPCode.open(sealed, userID: user.id, dataKey: instance.secrets.dataKey),
              let step = TOTPCode.matchingStep(secret: secret, code: code, at: instance.clock.now()) else { return false }
        let claimed = try await db.raw("""
            UPDATE users SET totp_last_step = \(bind: step) WHERE id = \(bind: user.id) AND totp_last_step < \(bind: step)
            RETURNING id
            """).first()
        return claimed != nil
    }

    /// Marks one unused backup code used (compare-and-set on `used_at`).
    static func consumeBackupCode(userID: String, code: String, instance: FrontendInstance, in db: any SQLDatabase) async throws -> Bool {
        let normalized = code.lowercased().filter { $0.isLetter || $0.isNumber }
        let claimed = try await db.raw("""
            UPDATE backup_codes SET used_at = \(bind: instance.nowMS)
            WHERE user_id = \(bind: userID) AND code_digest = \(bind: instance.secrets.digest(userID + ":" + normalized))
              AND used_at IS NULL
            RETURNING id
            """).first()
        return claimed != nil
    }
}
