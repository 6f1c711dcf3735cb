import FrontendAPI
import SQLKit

/// The tickets of organization invitations and the links that carry them.
///
/// Every invitation has a ticket (`TicketSigner`: its id, kind `organization_invitation`, and its expiry). The link is
/// Clerk's: the landing page with `__clerk_ticket=<ticket>` and `__clerk_status=sign_in` (someone has verified the
/// invited address) or `sign_up` (nobody has yet), which clerk-js and the portal read to sign in or sign up with
/// `strategy=ticket`. The landing page is `[organizations] invitation_redirect_url`, or this server's development page
/// `/v1/dev_invitation`. The outbox gets the link when the invitation is sent; `url` shows it on development instances
/// while the invitation is pending (a production instance keeps the ticket between the server and the invitee's
/// mailbox, so an admin cannot sign up as the invitee with it).
struct InvitationTickets: Sendable {
    let instance: FrontendInstance

    static let sourceType = "organization_invitation"
    static let landingPath = "/v1/dev_invitation"

    /// What the link tells the landing page to do.
    enum LinkStatus: String, Sendable {
        case signIn = "sign_in", signUp = "sign_up"
    }

    func ticket(for invitation: OrganizationInvitationRecord) throws -> String {
        try instance.tickets.issue(TicketSigner.Claims(sid: invitation.id, st: Self.sourceType, iat: invitation.createdAt / 1000,
                                                       exp: invitation.expiresAt / 1000))
    }

    /// `sign_in` when someone has verified `email`, else `sign_up`.
    func status(of email: String, in db: any SQLDatabase) async throws -> LinkStatus {
        let owner = try await IdentificationRecord.first(in: db, where: "value", equals: email)
        return owner?.kind == .emailAddress && owner?.verified == true ? .signIn : .signUp
    }

    /// The landing page with the ticket and status added to its query.
    func link(ticket: String, status: LinkStatus) -> String {
        let landing = instance.settings.organizations.invitationRedirectURL ?? instance.issuer + Self.landingPath
        // Tickets are base64url and dots: nothing in them needs escaping in a query.
        return landing + (landing.contains("?") ? "&" : "?") + "__clerk_ticket=" + ticket + "&__clerk_status=" + status.rawValue
    }

    func link(for invitation: OrganizationInvitationRecord, in db: any SQLDatabase) async throws -> String {
        link(ticket: try ticket(for: invitation), status: try await status(of: invitation.emailAddress, in: db))
    }

    /// The invitation's `url`: its link while pending on a development instance, else null.
    func url(for invitation: OrganizationInvitationRecord, in db: any SQLDatabase) async throws -> String? {
        guard instance.settings.environment == .development, invitation.status == .pending,
              invitation.expiresAt > instance.nowMS else { return nil }
        return try await link(for: invitation, in: db)
    }

    /// The pending invitation `ticket` stands for, and its organization; otherwise Clerk's error: 400
    /// `ticket_invalid_code` (not issued here, or altered), `organization_invitation_to_deleted_organization`,
    /// `organization_invitation_revoked_code`, `organization_invitation_already_accepted`, `ticket_expired_code`.
    func invitation(ticket: String, in db: any SQLDatabase) async throws -> (OrganizationInvitationRecord, OrganizationRecord) {
        guard instance.settings.organizations.enabled else { throw APIFailure.organizationsNotEnabled }
        let claims: TicketSigner.Claims
        do { claims = try instance.tickets.verify(ticket) } catch { throw APIFailure.ticketInvalid }
        guard claims.st == Self.sourceType else { throw APIFailure.ticketInvalid }
        guard let invitation = try await OrganizationInvitationRecord.find(claims.sid, in: db),
              let organization = try await OrganizationRecord.find(invitation.organizationId, in: db) else {
            throw APIFailure.organizationInvitationToDeletedOrganization
        }
        switch invitation.status {
        case .revoked: throw APIFailure.organizationInvitationRevoked
        case .accepted, .completed: throw APIFailure.organizationInvitationAlreadyAccepted
        default: break
        }
        guard !claims.isExpired(atMS: instance.nowMS), invitation.expiresAt > instance.nowMS else { throw APIFailure.ticketExpired }
        return (invitation, organization)
    }

    /// Accepts the invitation for `userID` once their sign-in or sign-up completes: they join with its role. An
    /// invitation no longer pending (revoked meanwhile) is left alone; a user who joined meanwhile just has it accepted.
    func redeem(_ invitationID: String, userID: String, in db: any SQLDatabase) async throws {
        guard var invitation = try await OrganizationInvitationRecord.find(invitationID, in: db), invitation.status == .pending,
              invitation.expiresAt > instance.nowMS,
              let organization = try await OrganizationRecord.find(invitation.organizationId, in: db) else { return }
        if try await OrganizationAccess(instance: instance).membership(userID: userID, organizationID: organization.id, in: db) == nil {
            try await MeOrganizations.join(organization, userID: userID, role: invitation.role, instance: instance, in: db)
        }
        invitation.status = .accepted
        invitation.updatedAt = instance.nowMS
        try await invitation.save(in: db)
    }
}
