import Foundation
import FrontendAPI
import SQLKit

/// `/v1/me/email_addresses*` and `/v1/me/phone_numbers*`: add, verify by code, update and remove the user's own
/// identifiers. A new identifier stays unverified (and unusable for sign-in) until its code is attempted.
struct MeIdentifications: Sendable {
    let exchange: Exchange
    let kind: IdentificationKind
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }

    private var valueParam: String { kind == .emailAddress ? "email_address" : "phone_number" }
    private var codeStrategy: Strategy { kind == .emailAddress ? .emailCode : .phoneCode }
    private var noun: String { kind == .emailAddress ? "Email address" : "Phone number" }
    /// The verification of an identifier lives under its id in this slot.
    static let slot = "identification"

    private func owned(_ id: String, userID: String, in db: any SQLDatabase) async throws -> IdentificationRecord {
        guard let record = try await IdentificationRecord.find(id, in: db), record.userId == userID, record.kind == kind else {
            throw APIFailure.notFound(noun)
        }
        return record
    }

    private func render(_ record: IdentificationRecord, backupCodes: [String]? = nil, in db: any SQLDatabase) async throws -> Identification {
        let pending = try await instance.codes.find(owner: record.id, slot: Self.slot, in: db)
        return exchange.presenter.identification(record, pending: pending, backupCodes: backupCodes)
    }

    private func envelope(_ identification: Identification, client: ClientRecord, in db: any SQLDatabase) async throws -> Reply {
        switch identification {
        case .email(let email): try await exchange.envelope(email, client: client, in: db)
        case .phone(let phone): try await exchange.envelope(phone, client: client, in: db)
        }
    }

    func list() async throws -> Reply {
        try await instance.database.read { db in
            let (_, user, _) = try await me.context(in: db)
            var emails: [EmailAddress] = [], phones: [PhoneNumber] = []
            for record in try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id) where record.kind == kind {
                switch try await render(record, in: db) {
                case .email(let email): emails.append(email)
                case .phone(let phone): phones.append(phone)
                }
            }
            return kind == .emailAddress ? try exchange.bare(emails) : try exchange.bare(phones)
        }
    }

    func get(_ id: String) async throws -> Reply {
        try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            return try await envelope(try await render(try await owned(id, userID: user.id, in: db), in: db), client: client, in: db)
        }
    }

    func create() async throws -> Reply {
        let settings = kind == .emailAddress ? instance.settings.emailAddress : instance.settings.phoneNumber
        guard settings.enabled else { throw APIFailure.paramNotAllowed(valueParam) }
        let raw = try form.required(valueParam)
        let normalized = kind == .emailAddress ? Identifiers.normalizedEmail(raw) : Identifiers.normalizedPhone(raw)
        guard let value = normalized else { throw APIFailure.paramInvalid(valueParam) }
        return try await instance.database.write { db in
            let (session, user, client) = try await me.context(in: db)
            try await me.requireRecentVerification(session, user: user, in: db)
            if try await IdentificationRecord.first(in: db, where: "value", equals: value) != nil {
                throw APIFailure.identifierExists(valueParam)
            }
            let now = instance.nowMS
            let record = IdentificationRecord(id: RandomToken.id(.idn), userId: user.id, kind: kind, value: value, verified: false,
                                              reservedForSecondFactor: false, defaultSecondFactor: false, createdAt: now, updatedAt: now)
            try await record.insert(in: db)
            try await me.touchUser(user.id, in: db)
            return try await envelope(try await render(record, in: db), client: client, in: db)
        }
    }

    func prepareVerification(_ id: String) async throws -> Reply {
        let strategy = try form.required("strategy", as: Strategy.self)
        let byLink = strategy == .emailLink && kind == .emailAddress
        if byLink { try EmailLinks(exchange: exchange).ensureVerificationByLink() }
        guard strategy == codeStrategy || byLink else { throw APIFailure.strategyInvalid() }
        if strategy == .emailCode, !instance.settings.emailVerificationStrategies.contains(strategy.rawValue) {
            throw APIFailure.strategyInvalid()
        }
        let redirectURL = byLink ? try EmailLinks(exchange: exchange).redirectURL() : nil
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let record = try await owned(id, userID: user.id, in: db)
            guard !record.verified else {
                throw APIFailure(.unprocessableContent, "verification_already_verified", "This verification has already been verified.")
            }
            try await instance.rateLimiter.hit(.identifierSend, key: record.value, in: db)
            let destination = CodeVerifications.Destination(kind: kind, value: record.value, identificationID: record.id)
            if byLink {
                _ = try await instance.codes.prepareLink(owner: record.id, slot: Self.slot, to: destination, redirectURL: redirectURL,
                                                         purpose: "verify_" + valueParam, in: db)
            } else {
                _ = try await instance.codes.prepare(owner: record.id, slot: Self.slot, strategy: strategy, to: destination,
                                                     purpose: "verify_" + valueParam, in: db)
            }
            return try await envelope(try await render(record, in: db), client: client, in: db)
        }
    }

    func attemptVerification(_ id: String) async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let code = try form.required("code")
        return try await instance.writeCommitting { db in
            let (_, user, client) = try await me.context(in: db)
            var record = try await owned(id, userID: user.id, in: db)
            if case .rejected(let failure) = try await instance.codes.attempt(owner: record.id, slot: Self.slot,
                                                                           strategy: codeStrategy, code: code, in: db) {
                exchange.notes.note("user_id", user.id)
                return .rejected(failure)
            }
            record = try await Self.markVerified(record, instance: instance, in: db)
            return .success(try await envelope(try await render(record, in: db), client: client, in: db))
        }
    }

    /// A verified identifier: the user's primary one of its kind if they had none; a verified email address enrolls the
    /// user in organizations whose verified domain it is at.
    @discardableResult
    static func markVerified(_ identification: IdentificationRecord, instance: FrontendInstance,
                             in db: any SQLDatabase) async throws -> IdentificationRecord {
        var record = identification
        let now = instance.nowMS
        record.verified = true
        record.updatedAt = now
        try await record.save(in: db)
        guard var user = try await UserRecord.find(record.userId, in: db) else { return record }
        if record.kind == .emailAddress, user.primaryEmailAddressId == nil { user.primaryEmailAddressId = record.id }
        if record.kind == .phoneNumber, user.primaryPhoneNumberId == nil { user.primaryPhoneNumberId = record.id }
        user.updatedAt = now
        try await user.save(in: db)
        if record.kind == .emailAddress {
            try await DomainEnrollment.enroll(userID: user.id, email: record.value, instance: instance, in: db)
        }
        return record
    }

    /// PATCH of a phone number: `reserved_for_second_factor`, `default_second_factor`. Reserving the user's first
    /// second factor also issues backup codes, returned once in this response.
    func update(_ id: String) async throws -> Reply {
        guard kind == .phoneNumber else { throw APIFailure.notFound(noun) }
        let reserve = try form.bool("reserved_for_second_factor")
        let makeDefault = try form.bool("default_second_factor")
        return try await instance.database.write { db in
            let (session, user, client) = try await me.context(in: db)
            var record = try await owned(id, userID: user.id, in: db)
            var backupCodes: [String]? = nil
            if reserve != nil || makeDefault != nil {
                guard instance.settings.mfa.phoneCode else { throw APIFailure.notAllowed }
                guard record.verified else { throw APIFailure.paramInvalid("reserved_for_second_factor", "The phone number must be verified first.") }
                try await me.requireRecentVerification(session, user: user, in: db)
            }
            let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
            if let reserve, reserve != record.reservedForSecondFactor {
                if reserve, instance.settings.mfa.backupCodes,
                   try await exchange.presenter.secondFactors(user, identifications: identifications, in: db).isEmpty {
                    backupCodes = try await MeEndpoints.regenerateBackupCodes(userID: user.id, instance: instance, in: db)
                }
                record.reservedForSecondFactor = reserve
                if !reserve { record.defaultSecondFactor = false }
                let reservedBefore = identifications.contains { $0.reservedForSecondFactor && $0.id != record.id }
                if reserve, !reservedBefore { record.defaultSecondFactor = true }
            }
            if makeDefault == true {
                guard record.reservedForSecondFactor else { throw APIFailure.paramInvalid("default_second_factor") }
                try await db.update(IdentificationRecord.table).set("default_second_factor", to: false)
                    .where("user_id", .equal, user.id).run()
                record.defaultSecondFactor = true
            }
            record.updatedAt = instance.nowMS
            try await record.save(in: db)
            if reserve == false { try await MeEndpoints.dropOrphanBackupCodes(userID: user.id, in: db) }
            try await me.touchUser(user.id, in: db)
            return try await envelope(try await render(record, backupCodes: backupCodes, in: db), client: client, in: db)
        }
    }

    func delete(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            let (session, user, client) = try await me.context(in: db)
            let record = try await owned(id, userID: user.id, in: db)
            try await me.requireRecentVerification(session, user: user, in: db)
            let isPrimary = record.id == user.primaryEmailAddressId || record.id == user.primaryPhoneNumberId
            let settings = kind == .emailAddress ? instance.settings.emailAddress : instance.settings.phoneNumber
            if isPrimary, settings.required {
                throw APIFailure(.unprocessableContent, "form_param_value_invalid", "Primary identifier cannot be deleted",
                                 long: "Make another \(noun.lowercased()) primary before deleting this one.",
                                 meta: ErrorMeta(paramName: valueParam))
            }
            try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, record.id).run()
            try await record.delete(in: db)
            if record.reservedForSecondFactor { try await MeEndpoints.dropOrphanBackupCodes(userID: user.id, in: db) }
            if isPrimary {
                var updated = try await UserRecord.find(user.id, in: db) ?? user
                let next = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
                    .first { $0.kind == kind && $0.verified }?.id
                if kind == .emailAddress { updated.primaryEmailAddressId = next } else { updated.primaryPhoneNumberId = next }
                try await updated.save(in: db)
            }
            try await me.touchUser(user.id, in: db)
            return try await exchange.envelope(DeletedObject(object: valueParam, id: record.id), client: client, in: db)
        }
    }
}

/// One rendered identifier.
enum Identification: Sendable {
    case email(EmailAddress)
    case phone(PhoneNumber)
}
