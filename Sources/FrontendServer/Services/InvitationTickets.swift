import FrontendAPI
import SQLKit

/// The tickets of invitations, to the application (`ApplicationInvitations`) or to an organization, and the links
/// that carry them.
///
/// Every invitation has a ticket (`TicketSigner`: its id, its kind — `invitation` or `organization_invitation` — and
/// its expiry). The link is Clerk's: the landing page with `__clerk_ticket=<ticket>` and `__clerk_status=sign_in`
/// (someone has verified the invited address) or `sign_up` (nobody has yet), which clerk-js and the portal read to sign
/// in or sign up with `strategy=ticket`. The landing page is `[organizations] invitation_redirect_url` for organization
/// invitations, or this server's development page `/v1/dev_invitation`. The outbox gets the link when the invitation is
/// sent; an organization invitation's `url` shows it on development instances while it is pending (a production
/// instance keeps the ticket between the server and the invitee's mailbox, so an admin cannot sign up as the invitee
/// with it).
struct InvitationTickets: Sendable {
    let instance: FrontendInstance

    static let sourceType = "organization_invitation"
    static let applicationSourceType = "invitation"
    static let landingPath = "/v1/dev_invitation"

    /// What the link tells the landing page to do.
    enum LinkStatus: String, Sendable {
        case signIn = "sign_in", signUp = "sign_up"
    }

    /// The pending invitation a ticket stands for: who is invited, and to what.
    struct Invitee: Sendable {
        enum Target: Sendable {
            case application
            case organization(OrganizationRecord, role: String)
        }
        /// The invitation's id (`inv_…` or `orginv_…`), which a sign-in or sign-up keeps until it completes.
        let invitationID: String
        let emailAddress: String
        let target: Target

        var isOrganization: Bool { if case .organization = target { true } else { false } }
    }

    func ticket(for invitation: OrganizationInvitationRecord) throws -> String {
        try instance.tickets.issue(TicketSigner.Claims(sid: invitation.id, st: Self.sourceType, iat: invitation.createdAt / 1000,
                                                       exp: invitation.expiresAt / 1000))
    }

    func ticket(for invitation: InvitationRecord) throws -> String {
        try instance.tickets.issue(TicketSigner.Claims(sid: invitation.id, st: Self.applicationSourceType,
                                                       iat: invitation.createdAt / 1000, exp: invitation.expiresAt / 1000))
    }

    /// `sign_in` when someone has verified `email`, else `sign_up`.
    func status(of email: String, in db: any SQLDatabase) async throws -> LinkStatus {
        let owner = try await IdentificationRecord.first(in: db, where: "value", equals: email)
        return owner?.kind == .emailAddress && owner?.verified == true ? .signIn : .signUp
    }

    /// The landing page with the ticket and status added to its query.
    func link(ticket: String, status: LinkStatus, organization: Bool = true) -> String {
        let redirect = organization ? instance.settings.organizations.invitationRedirectURL : nil
        let landing = redirect ?? instance.issuer + Self.landingPath
        // Tickets are base64url and dots: nothing in them needs escaping in a query.
        return landing + (landing.contains("?") ? "&" : "?") + "__clerk_ticket=" + ticket + "&__clerk_status=" + status.rawValue
    }

    func link(for invitation: OrganizationInvitationRecord, in db: any SQLDatabase) async throws -> String {
        link(ticket: try ticket(for: invitation), status: try await status(of: invitation.emailAddress, in: db))
    }

    func link(for invitation: InvitationRecord, in db: any SQLDatabase) async throws -> String {
        link(ticket: try ticket(for: invitation), status: try await status(of: invitation.emailAddress, in: db),
             organization: false)
    }

    /// The invitation's `url`: its link while pending on a development instance, else null.
    func url(for invitation: OrganizationInvitationRecord, in db: any SQLDatabase) async throws -> String? {
        guard instance.settings.environment == .development, invitation.status == .pending,
              invitation.expiresAt > instance.nowMS else { return nil }
        return try await link(for: invitation, in: db)
    }

    /// Who the pending invitation `ticket` stands for invites, and to what; otherwise Clerk's error (400
    /// `ticket_invalid_code` for a ticket not issued here, or altered, `ticket_expired_code`, and the invitation's own
    /// errors: see `organizationInvitation(_:)` and `ApplicationInvitations.pending(_:)`).
    func invitee(ticket: String, in db: any SQLDatabase) async throws -> Invitee {
        let claims = try verifiedClaims(ticket)
        switch claims.st {
        case Self.sourceType:
            let (invitation, organization) = try await organizationInvitation(claims, in: db)
            return Invitee(invitationID: invitation.id, emailAddress: invitation.emailAddress,
                           target: .organization(organization, role: invitation.role))
        case Self.applicationSourceType:
            let invitation = try await ApplicationInvitations(instance: instance).pending(claims, in: db)
            return Invitee(invitationID: invitation.id, emailAddress: invitation.emailAddress, target: .application)
        default:
            throw APIFailure.ticketInvalid
        }
    }

    /// The claims of a ticket this instance issued, whatever its kind.
    func verifiedClaims(_ ticket: String) throws(APIFailure) -> TicketSigner.Claims {
        do { return try instance.tickets.verify(ticket) } catch { throw APIFailure.ticketInvalid }
    }

    /// The pending organization invitation `claims` name, and its organization: 400
    /// `organization_invitation_to_deleted_organization`, `organization_invitation_revoked_code`,
    /// `organization_invitation_already_accepted` or `ticket_expired_code` otherwise.
    private func organizationInvitation(_ claims: TicketSigner.Claims,
                                        in db: any SQLDatabase) async throws -> (OrganizationInvitationRecord, OrganizationRecord) {
        guard instance.settings.organizations.enabled else { throw APIFailure.organizationsNotEnabled }
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

    /// Accepts the invitation `invitationID` names for `userID` once their sign-in or sign-up completes.
    func redeem(_ invitationID: String, userID: String, in db: any SQLDatabase) async throws {
        if invitationID.hasPrefix(IDPrefix.inv.rawValue + "_") {
            try await ApplicationInvitations(instance: instance).redeem(invitationID, in: db)
        } else {
            try await redeemOrganizationInvitation(invitationID, userID: userID, in: db)
        }
    }

    /// The invitee joins with the invitation's role. An invitation no longer pending (revoked meanwhile) is left alone;
    /// a user who joined meanwhile just has it accepted.
    private func redeemOrganizationInvitation(_ invitationID: String, userID: String, in db: any SQLDatabase) async throws {
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
