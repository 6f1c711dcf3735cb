import FrontendAPI
import SQLKit

/// The waitlist of an instance whose `sign_up_mode` is `waitlist` (Clerk's Waitlist component): people leave their
/// address (`POST /v1/waitlist`, spec `joinWaitlist`); the operator invites them (`clerk-tui admin waitlist invite`),
/// which makes an application invitation whose link signs them up.
struct Waitlist: Sendable {
    let instance: FrontendInstance

    /// The wire shape of `Client.WaitlistEntry`: `{object: "waitlist_entry", id}`.
    struct Entry: Codable, Equatable, Sendable {
        var object = "waitlist_entry"
        var id: String
    }

    /// `email_address`: adds the address, or answers the entry it already has (the spec's "the request will still
    /// succeed, returning the ID of the existing waitlist entry"). 403 `feature_not_enabled` outside waitlist mode, 422
    /// `form_identifier_exists` for an address with an account (its owner signs in).
    func join(_ exchange: Exchange) async throws -> Reply {
        guard instance.settings.signUpMode == .waitlist else { throw APIFailure.waitlistNotEnabled }
        try await instance.rateLimiter.hit(.createSignUp, key: exchange.call.remoteIP)
        let raw = try exchange.call.form.required("email_address")
        guard let email = Identifiers.normalizedEmail(raw) else {
            throw APIFailure.paramInvalid("email_address", "email_address must be a valid email address.")
        }
        let id: String = try await instance.database.write { db in
            if let existing = try await WaitlistEntryRecord.first(in: db, where: "email_address", equals: email) { return existing.id }
            if try await IdentificationRecord.first(in: db, where: "value", equals: email) != nil {
                throw APIFailure.identifierExists("email_address")
            }
            let now = instance.nowMS
            let entry = WaitlistEntryRecord(id: RandomToken.id(.wle), emailAddress: email, status: .pending, invitationId: nil,
                                            createdAt: now, updatedAt: now)
            try await entry.insert(in: db)
            return entry.id
        }
        return try exchange.bare(Entry(id: id))
    }

    /// Every entry, oldest first (the order people joined in).
    func list(in db: any SQLDatabase) async throws -> [WaitlistEntryRecord] {
        try await db.select().column("*").from(WaitlistEntryRecord.table).orderBy("created_at").orderBy("rowid")
            .all(decoding: WaitlistEntryRecord.self, keyDecodingStrategy: Columns.decoding)
    }

    /// Invites the entry `reference` names (its id or address): an application invitation goes to the outbox with its
    /// link and the entry becomes `invited`. An entry already invited is invited again only if its invitation is no
    /// longer pending (revoked, expired); a completed one cannot be.
    func invite(_ reference: String, in db: any SQLDatabase) async throws -> (WaitlistEntryRecord, InvitationRecord) {
        let email = Identifiers.normalizedEmail(reference)
        guard var entry = try await list(in: db).first(where: { $0.id == reference || $0.emailAddress == email }) else {
            throw APIFailure.notFound("Waitlist entry")
        }
        let invitations = ApplicationInvitations(instance: instance)
        if let id = entry.invitationId, let current = try await InvitationRecord.find(id, in: db),
           invitations.status(current) == .pending || entry.status == .completed {
            return (entry, current)
        }
        let invitation = try await invitations.create(email: entry.emailAddress, in: db)
        entry.status = .invited
        entry.invitationId = invitation.id
        entry.updatedAt = instance.nowMS
        try await entry.save(in: db)
        return (entry, invitation)
    }
}
