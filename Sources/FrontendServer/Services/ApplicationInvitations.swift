import FrontendAPI
import SQLKit

/// Invitations to the application (Clerk's Dashboard "Invite users"): the operator's way in for people on a restricted
/// instance, and what inviting a waitlist entry makes. `clerk-tui admin invitations` creates, lists and revokes them.
///
/// An invitation is "sent" to the outbox with its link, whose ticket (`InvitationTickets`, kind `invitation`) signs the
/// person up with the address verified (`strategy=ticket`), whatever `sign_up_mode` says; it works once and lasts 30
/// days, as Clerk's do. Someone who already has an account cannot be invited (they sign in).
struct ApplicationInvitations: Sendable {
    let instance: FrontendInstance

    static let lifetime: Int64 = 30 * 24 * 3600 * 1000

    /// The status an operator sees: a pending invitation past its expiry is `expired`.
    func status(_ record: InvitationRecord) -> OrganizationInvitationStatus {
        record.status == .pending && record.expiresAt <= instance.nowMS ? .expired : record.status
    }

    /// Invites `rawEmail`: 422 `form_param_format_invalid` for an invalid address, 422 `form_identifier_exists` when
    /// it has an account, 400 `duplicate_record` when a pending invitation to it exists.
    func create(email rawEmail: String, in db: any SQLDatabase) async throws -> InvitationRecord {
        guard let email = Identifiers.normalizedEmail(rawEmail) else {
            throw APIFailure.paramInvalid("email_address", "email_address must be a valid email address.")
        }
        if try await IdentificationRecord.first(in: db, where: "value", equals: email) != nil {
            throw APIFailure.identifierExists("email_address")
        }
        if try await InvitationRecord.all(in: db, where: "email_address", equals: email).contains(where: { status($0) == .pending }) {
            throw APIFailure.duplicateInvitations([email])
        }
        let now = instance.nowMS
        let invitation = InvitationRecord(id: RandomToken.id(.inv), emailAddress: email, status: .pending, publicMetadata: "{}",
                                          expiresAt: now + Self.lifetime, createdAt: now, updatedAt: now)
        try await invitation.insert(in: db)
        // The outbox's `code` column holds what a message carries: here the link, ticket included.
        let link = try await InvitationTickets(instance: instance).link(for: invitation, in: db)
        try await OutboxMessage(id: RandomToken.id(.outbox), channel: "email", recipient: email, purpose: "invitation",
                                code: link, createdAt: now).insert(in: db)
        return invitation
    }

    /// Every invitation, newest first.
    func list(in db: any SQLDatabase) async throws -> [InvitationRecord] {
        try await db.select().column("*").from(InvitationRecord.table).orderBy("created_at", .descending)
            .orderBy("rowid", .descending)
            .all(decoding: InvitationRecord.self, keyDecodingStrategy: Columns.decoding)
    }

    /// Revokes the pending invitation `reference` names (its id, or the address of a pending one); its ticket stops
    /// working at once.
    func revoke(_ reference: String, in db: any SQLDatabase) async throws -> InvitationRecord {
        let email = Identifiers.normalizedEmail(reference)
        let found = try await list(in: db).first { $0.id == reference || ($0.emailAddress == email && status($0) == .pending) }
        guard var invitation = found else { throw APIFailure.notFound("Invitation") }
        guard status(invitation) == .pending else { throw APIFailure.invitationNotPending }
        invitation.status = .revoked
        invitation.updatedAt = instance.nowMS
        try await invitation.save(in: db)
        return invitation
    }

    /// The pending invitation a ticket's `claims` name: 400 `invitation_revoked`, `invitation_already_accepted` or
    /// `ticket_expired_code` otherwise.
    func pending(_ claims: TicketSigner.Claims, in db: any SQLDatabase) async throws -> InvitationRecord {
        guard let invitation = try await InvitationRecord.find(claims.sid, in: db) else { throw APIFailure.ticketInvalid }
        switch invitation.status {
        case .revoked: throw APIFailure.invitationRevoked
        case .accepted, .completed: throw APIFailure.invitationAlreadyAccepted
        default: break
        }
        guard !claims.isExpired(atMS: instance.nowMS), invitation.expiresAt > instance.nowMS else { throw APIFailure.ticketExpired }
        return invitation
    }

    /// Marks the invitation accepted once its sign-up (or sign-in) completed, and the waitlist entry it came from
    /// `completed`. An invitation revoked meanwhile is left alone.
    func redeem(_ invitationID: String, in db: any SQLDatabase) async throws {
        guard var invitation = try await InvitationRecord.find(invitationID, in: db), invitation.status == .pending else { return }
        let now = instance.nowMS
        invitation.status = .accepted
        invitation.updatedAt = now
        try await invitation.save(in: db)
        try await db.update(WaitlistEntryRecord.table).set("status", to: WaitlistEntryStatus.completed.rawValue)
            .set("updated_at", to: now).where("invitation_id", .equal, invitationID).run()
    }
}
