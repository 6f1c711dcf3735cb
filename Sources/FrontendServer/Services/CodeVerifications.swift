import FrontendAPI
import SQLKit

/// Emailed/texted one-time codes: 6 CSPRNG digits, stored as an HMAC bound to their verification, 10-minute
/// expiry, capped wrong tries, single use. Development instances "send" through the outbox.
struct CodeVerifications: Sendable {
    let instance: FrontendInstance

    /// Where a code goes.
    struct Destination: Sendable {
        let kind: IdentificationKind
        let value: String
        let identificationID: String?
    }

    /// Creates (or replaces) the verification in `slot` of `owner` and sends a fresh code.
    /// With `send: false` (an identifier nobody owns, under strict enumeration protection) the code is never delivered.
    func prepare(owner: String, slot: String, strategy: Strategy, to destination: Destination, purpose: String,
                 send: Bool = true, in db: any SQLDatabase) async throws -> VerificationRecord {
        let now = instance.nowMS
        let settings = instance.settings.verification
        try await ensureResendAllowed(owner: owner, slot: slot, strategy: strategy, to: destination, in: db)
        let isTest = send && instance.settings.environment == .development && Identifiers.isTestIdentity(destination.value)
        let code = isTest ? Identifiers.testCode : RandomToken.digits(6)
        let id = RandomToken.id(.verification)
        try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, owner).where("slot", .equal, slot).run()
        let record = VerificationRecord(
            id: id, ownerId: owner, slot: slot, strategy: strategy, status: .unverified,
            codeDigest: instance.secrets.digest(id + ":" + code), attempts: 0,
            expireAt: now + Int64(settings.codeLifetime * 1000), identificationId: destination.identificationID,
            createdAt: now, updatedAt: now)
        try await record.insert(in: db)
        if send, !isTest {
            let message = OutboxMessage(id: RandomToken.id(.outbox),
                                        channel: destination.kind == .emailAddress ? "email" : "sms",
                                        recipient: destination.value, purpose: purpose, code: code, createdAt: now)
            try await message.insert(in: db)
        }
        return record
    }

    /// An email link (`email_link`) in `slot` of `owner`, replacing any verification there, "sent" to the outbox (test
    /// identities included: they skip codes, not links). It expires like a code. With `send: false` (an identifier
    /// nobody owns, under strict enumeration protection) the link is never delivered.
    func prepareLink(owner: String, slot: String, to destination: Destination, redirectURL: String?, purpose: String,
                     send: Bool = true, in db: any SQLDatabase) async throws -> VerificationRecord {
        try await ensureResendAllowed(owner: owner, slot: slot, strategy: .emailLink, to: destination, in: db)
        let now = instance.nowMS
        try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, owner).where("slot", .equal, slot).run()
        let record = VerificationRecord(
            id: RandomToken.id(.verification), ownerId: owner, slot: slot, strategy: .emailLink, status: .unverified,
            codeDigest: nil, attempts: 0, expireAt: now + Int64(instance.settings.verification.codeLifetime * 1000),
            identificationId: destination.identificationID, createdAt: now, updatedAt: now, redirectUrl: redirectURL)
        try await record.insert(in: db)
        if send {
            try await OutboxMessage(id: RandomToken.id(.outbox), channel: "email", recipient: destination.value, purpose: purpose,
                                    code: try EmailLinks.link(for: record, instance: instance), createdAt: now).insert(in: db)
        }
        return record
    }

    /// The resend cooldown: the same code or link to the same destination is not sent again within it (429).
    private func ensureResendAllowed(owner: String, slot: String, strategy: Strategy, to destination: Destination,
                                     in db: any SQLDatabase) async throws {
        let now = instance.nowMS
        let cooldown = Int64(instance.settings.verification.resendCooldown * 1000)
        if let existing = try await find(owner: owner, slot: slot, in: db), existing.status == .unverified,
           existing.identificationId == destination.identificationID, existing.strategy == strategy,
           instance.settings.rateLimits.enabled, now - existing.createdAt < cooldown {
            throw APIFailure.tooManyRequests(retryAfter: Int((existing.createdAt + cooldown - now + 999) / 1000))
        }
    }

    /// A verification that needs no code (password, TOTP, backup code): recorded so the response can show it.
    func record(owner: String, slot: String, strategy: Strategy, status: VerificationStatus, attempts: Int? = nil,
                in db: any SQLDatabase) async throws {
        let now = instance.nowMS
        try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, owner).where("slot", .equal, slot).run()
        try await VerificationRecord(id: RandomToken.id(.verification), ownerId: owner, slot: slot, strategy: strategy,
                                     status: status, codeDigest: nil, attempts: attempts ?? 0, expireAt: nil,
                                     identificationId: nil, createdAt: now, updatedAt: now).insert(in: db)
    }

    func find(owner: String, slot: String, in db: any SQLDatabase) async throws -> VerificationRecord? {
        try await db.select().column("*").from(VerificationRecord.table).where("owner_id", .equal, owner)
            .where("slot", .equal, slot).first(decoding: VerificationRecord.self, keyDecodingStrategy: Columns.decoding)
    }

    /// Checks `code` against the prepared verification. Wrong codes count toward the cap; the outcome commits
    /// either way.
    func attempt(owner: String, slot: String, strategy: Strategy, code: String,
                 in db: any SQLDatabase) async throws -> Outcome<VerificationRecord> {
        let now = instance.nowMS
        guard var record = try await find(owner: owner, slot: slot, in: db), record.codeDigest != nil,
              record.strategy == strategy else {
            return .rejected(APIFailure(.unprocessableContent, "verification_missing",
                                        "This verification has not been prepared.",
                                        long: "Prepare the \(strategy) verification before attempting it."))
        }
        switch record.status {
        case .verified:
            return .rejected(APIFailure(.unprocessableContent, "verification_already_verified",
                                        "This verification has already been verified."))
        case .failed: return .rejected(.verificationFailed)
        case .expired: return .rejected(.verificationExpired)
        default: break
        }
        record.updatedAt = now
        if let expireAt = record.expireAt, now > expireAt {
            record.status = .expired
            try await record.save(in: db)
            return .rejected(.verificationExpired)
        }
        let expected = record.codeDigest ?? ""
        guard ConstantTime.equals(instance.secrets.digest(record.id + ":" + code), expected) else {
            record.attempts += 1
            if record.attempts >= instance.settings.verification.maxAttempts { record.status = .failed }
            try await record.save(in: db)
            return .rejected(.codeIncorrect)
        }
        record.attempts += 1
        record.status = .verified
        record.codeDigest = "used"
        try await record.save(in: db)
        return .success(record)
    }
}
