import Foundation
import FrontendAPI
import SQLKit

/// `/v1/me*`: the signed-in user, acting for `_clerk_session_id` or the client's current session.
struct MeEndpoints: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    /// Sensitive changes need a factor verified within this many minutes (Clerk's default reverification).
    static let reverificationMinutes = 10

    func context(in db: any SQLDatabase) async throws -> (SessionRecord, UserRecord, ClientRecord) {
        let client = try await exchange.requireClient(in: db)
        guard let sessionID = exchange.call.sessionIDParameter ?? client.lastActiveSessionId else { throw APIFailure.signedOut }
        guard let session = try await SessionRecord.find(sessionID, in: db), session.clientId == client.id,
              Sessions(instance: instance).effectiveStatus(session, now: instance.nowMS) == .active,
              let user = try await UserRecord.find(session.userId, in: db) else { throw APIFailure.authenticationInvalid }
        return (session, user, client)
    }

    /// Sensitive changes need the strongest factor the user has (second if enrolled, else first) verified within
    /// `reverificationMinutes`; otherwise 403 `session_reverification_required` with the level to reverify at.
    func requireRecentVerification(_ session: SessionRecord, user: UserRecord, in db: any SQLDatabase) async throws {
        let level = try await Self.reverificationLevel(for: user, exchange: exchange, in: db)
        let ages = exchange.presenter.factorAges(session)
        let age = level == .secondFactor ? ages[1] : ages.filter { $0 >= 0 }.min() ?? -1
        guard age >= 0, age <= Self.reverificationMinutes else {
            exchange.notes.note("user_id", user.id)
            throw APIFailure.reverificationRequired(level: level, afterMinutes: Self.reverificationMinutes)
        }
    }

    static func reverificationLevel(for user: UserRecord, exchange: Exchange,
                                    in db: any SQLDatabase) async throws -> SessionVerification.Level {
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
        return try await exchange.presenter.secondFactors(user, identifications: identifications, in: db).isEmpty
            ? .firstFactor : .secondFactor
    }

    /// Backup codes only back up another second factor: once neither TOTP nor an SMS factor is left, they go too.
    static func dropOrphanBackupCodes(userID: String, in db: any SQLDatabase) async throws {
        guard let user = try await UserRecord.find(userID, in: db), !user.totpVerified else { return }
        let reserved = try await IdentificationRecord.all(in: db, where: "user_id", equals: userID).contains { $0.reservedForSecondFactor }
        guard !reserved else { return }
        try await db.delete(from: BackupCodeRecord.table).where("user_id", .equal, userID).run()
    }

    /// Bumps `updated_at` of the user after a change to something it owns.
    func touchUser(_ userID: String, in db: any SQLDatabase) async throws {
        try await db.update(UserRecord.table).set("updated_at", to: instance.nowMS).where("id", .equal, userID).run()
    }

    func userReply(_ userID: String, client: ClientRecord, in db: any SQLDatabase) async throws -> Reply {
        guard let user = try await UserRecord.find(userID, in: db) else { throw APIFailure.notFound("User") }
        return try await exchange.envelope(try await exchange.presenter.user(user, in: db), client: client, in: db)
    }

    func get() async throws -> Reply {
        try await instance.database.read { db in
            let (_, user, client) = try await context(in: db)
            return try await userReply(user.id, client: client, in: db)
        }
    }

    func update() async throws -> Reply {
        let metadata = try form.jsonObject("unsafe_metadata")
        let username = try form.nonEmpty("username").map { value throws(APIFailure) -> String in
            guard instance.settings.username.enabled else { throw .paramNotAllowed("username") }
            guard let normalized = Identifiers.normalizedUsername(value) else { throw .paramInvalid("username") }
            return normalized
        }
        return try await instance.database.write { db in
            var (_, user, client) = try await context(in: db)
            if let first = form.string("first_name") { user.firstName = first.isEmpty ? nil : String(first.prefix(256)) }
            if let last = form.string("last_name") { user.lastName = last.isEmpty ? nil : String(last.prefix(256)) }
            if let metadata { user.unsafeMetadata = metadata }
            if let username, username != user.username {
                if try await UserRecord.first(in: db, where: "username", equals: username) != nil {
                    throw APIFailure.identifierExists("username")
                }
                user.username = username
            }
            for (param, kind) in [("primary_email_address_id", IdentificationKind.emailAddress), ("primary_phone_number_id", .phoneNumber)] {
                guard let id = form.nonEmpty(param) else { continue }
                guard let identification = try await IdentificationRecord.find(id, in: db), identification.userId == user.id,
                      identification.kind == kind, identification.verified else { throw APIFailure.paramInvalid(param) }
                if kind == .emailAddress { user.primaryEmailAddressId = id } else { user.primaryPhoneNumberId = id }
            }
            user.updatedAt = instance.nowMS
            try await user.save(in: db)
            return try await userReply(user.id, client: client, in: db)
        }
    }

    func delete() async throws -> Reply {
        try await instance.database.write { db in
            let (session, user, client) = try await context(in: db)
            try await requireRecentVerification(session, user: user, in: db)
            try await Sessions(instance: instance).endAll(userID: user.id, status: .ended, in: db)
            try await user.delete(in: db)
            if let image = user.imageFile { try await instance.images.remove(image, in: db) }
            guard let refreshed = try await ClientRecord.find(client.id, in: db) else { throw APIFailure.notFound("Client") }
            return try await exchange.envelope(DeletedObject(object: "user", id: user.id), client: refreshed, in: db)
        }
    }

    // MARK: TOTP and backup codes

    func createTOTP() async throws -> Reply {
        guard instance.settings.mfa.totp else { throw APIFailure.notAllowed }
        return try await instance.database.write { db in
            var (session, user, client) = try await context(in: db)
            try await requireRecentVerification(session, user: user, in: db)
            if user.totpVerified { throw APIFailure.totpExists }
            let now = instance.nowMS, secret = TOTPCode.newSecret()
            user.totpId = RandomToken.id(.totp)
            user.totpSecret = try TOTPCode.seal(secret, userID: user.id, dataKey: instance.secrets.dataKey)
            user.totpCreatedAt = now
            user.updatedAt = now
            try await user.save(in: db)
            let account = try await IdentificationRecord.find(user.primaryEmailAddressId ?? "", in: db)?.value ?? user.username ?? user.id
            let uri = TOTPCode.uri(secret: secret, issuer: instance.settings.applicationName, account: account)
            let base32 = URLComponents(string: uri)?.queryItems?.first { $0.name == "secret" }?.value
            let totp = TOTP(id: user.totpId ?? "", secret: base32, uri: uri, verified: false,
                            createdAt: Date(epochMilliseconds: now), updatedAt: Date(epochMilliseconds: now))
            return try await exchange.envelope(totp, client: client, in: db)
        }
    }

    func verifyTOTP() async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let code = try form.required("code")
        return try await instance.writeCommitting { db in
            var (session, user, client) = try await context(in: db)
            guard let totpID = user.totpId, user.totpSecret != nil, !user.totpVerified else {
                return .rejected(.notFound("TOTP"))
            }
            guard try await SecondFactor.consumeTOTP(user: user, code: code, instance: instance, in: db) else {
                return .rejected(.codeIncorrect)
            }
            let now = instance.nowMS
            user = try await UserRecord.find(user.id, in: db) ?? user
            user.totpVerified = true
            user.mfaEnabledAt = now
            user.updatedAt = now
            try await user.save(in: db)
            // Proving the new authenticator counts as a fresh second factor for this session.
            session.secondFactorAt = now
            session.updatedAt = now
            try await session.save(in: db)
            let codes = instance.settings.mfa.backupCodes ? try await Self.regenerateBackupCodes(userID: user.id, instance: instance, in: db) : nil
            let totp = TOTP(id: totpID, verified: true, backupCodes: codes,
                            createdAt: Date(epochMilliseconds: user.totpCreatedAt ?? now), updatedAt: Date(epochMilliseconds: now))
            return .success(try await exchange.envelope(totp, client: client, in: db))
        }
    }

    func deleteTOTP() async throws -> Reply {
        try await instance.database.write { db in
            var (session, user, client) = try await context(in: db)
            try await requireRecentVerification(session, user: user, in: db)
            guard let totpID = user.totpId else { throw APIFailure.notFound("TOTP") }
            user.totpId = nil
            user.totpSecret = nil
            user.totpVerified = false
            user.mfaDisabledAt = instance.nowMS
            user.updatedAt = instance.nowMS
            try await user.save(in: db)
            try await Self.dropOrphanBackupCodes(userID: user.id, in: db)
            return try await exchange.envelope(DeletedObject(object: "totp", id: totpID), client: client, in: db)
        }
    }

    func createBackupCodes() async throws -> Reply {
        guard instance.settings.mfa.backupCodes else { throw APIFailure.notAllowed }
        return try await instance.database.write { db in
            let (session, user, client) = try await context(in: db)
            try await requireRecentVerification(session, user: user, in: db)
            let codes = try await Self.regenerateBackupCodes(userID: user.id, instance: instance, in: db)
            let now = Date(epochMilliseconds: instance.nowMS)
            return try await exchange.envelope(BackupCode(id: RandomToken.id(.bcode), codes: codes, createdAt: now, updatedAt: now),
                                               client: client, in: db)
        }
    }

    /// Replaces the user's backup codes with ten fresh ones (stored as HMACs) and returns them.
    static func regenerateBackupCodes(userID: String, instance: FrontendInstance, in db: any SQLDatabase) async throws -> [String] {
        try await db.delete(from: BackupCodeRecord.table).where("user_id", .equal, userID).run()
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var rng = SystemRandomNumberGenerator()
        var codes: [String] = []
        for _ in 0..<10 {
            let code = String((0..<8).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
            codes.append(code)
            try await BackupCodeRecord(id: RandomToken.id(.bcode), userId: userID,
                                       codeDigest: instance.secrets.digest(userID + ":" + code), usedAt: nil,
                                       createdAt: instance.nowMS).insert(in: db)
        }
        return codes
    }

    // MARK: Sessions

    func sessions(activeOnly: Bool) async throws -> Reply {
        try await instance.database.read { db in
            let (_, user, _) = try await context(in: db)
            let lifecycle = Sessions(instance: instance), now = instance.nowMS
            let records = try await SessionRecord.all(in: db, where: "user_id", equals: user.id)
                .filter { lifecycle.effectiveStatus($0, now: now) == .active }
            var list: [Session] = []
            for record in records {
                list.append(try await exchange.presenter.session(
                    record, in: db, withUser: !activeOnly,
                    activity: activeOnly ? exchange.presenter.activity(of: record) : nil))
            }
            return try exchange.bare(list)
        }
    }

    func revokeSession(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            let (_, user, client) = try await context(in: db)
            guard var target = try await SessionRecord.find(id, in: db), target.userId == user.id else {
                throw APIFailure.notFound("Session")
            }
            if target.status == .active {
                target.status = .revoked
                target.updatedAt = instance.nowMS
                try await target.save(in: db)
            }
            return try await exchange.envelope(try await exchange.presenter.session(target, in: db), client: client, in: db)
        }
    }
}
