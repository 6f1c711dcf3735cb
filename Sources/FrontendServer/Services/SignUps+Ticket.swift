import FrontendAPI
import SQLKit

/// Sign-up with an invitation's ticket (`strategy=ticket&ticket=…`, clerk-js `SignUpStart` with `__clerk_ticket`), to
/// the application or to an organization: the invited address comes from the ticket, whatever `email_address` says,
/// and is verified by it (`verifications.email_address` is a verified `verification_ticket`; no code is sent). The
/// sign-up then asks only for what the instance still requires (a password, names); once complete, the invitation is
/// accepted, and an organization invitation's invitee is a member with its role. clerk-js sends the ticket again with
/// the missing fields (`PATCH …/{id}`), which is accepted the same way. Allowed whatever `sign_up_mode` says, as
/// invitations are: they are how restricted and waitlist instances let people in.
extension SignUps {
    /// The ticket of a `strategy=ticket` request, or nil for any other strategy.
    func ticketParameter() throws(APIFailure) -> String? {
        guard form.nonEmpty("strategy") == Strategy.ticket.rawValue else { return nil }
        return try form.required("ticket")
    }

    /// A sign-up without an invitation: 403 `sign_up_mode_restricted` where sign-up is by invitation only,
    /// `sign_up_restricted_waitlist` where people join the waitlist instead, as Clerk answers.
    func ensureOpenSignUp() throws(APIFailure) {
        switch instance.settings.signUpMode {
        case .public: return
        case .restricted: throw .signUpModeRestricted
        case .waitlist: throw .signUpRestrictedWaitlist
        }
    }

    /// Puts the invited address of the ticket's pending invitation into `fields` and returns the invitation's id. The
    /// address must be free: 400 `organization_invitation_identification_already_exists` for an organization
    /// invitation, 422 `form_identifier_exists` for an application one (its owner signs in instead).
    func applyTicket(_ ticket: String, to fields: inout Fields, in db: any SQLDatabase) async throws -> String {
        let invitee = try await InvitationTickets(instance: instance).invitee(ticket: ticket, in: db)
        if try await IdentificationRecord.first(in: db, where: "value", equals: invitee.emailAddress) != nil {
            if invitee.isOrganization { throw APIFailure.organizationInvitationIdentificationAlreadyExists }
            throw APIFailure.identifierExists("email_address")
        }
        fields.email = invitee.emailAddress
        return invitee.invitationID
    }

    /// Records the address as verified by the ticket.
    func recordTicketVerification(signUpID: String, in db: any SQLDatabase) async throws {
        try await instance.codes.record(owner: signUpID, slot: "email_address", strategy: .ticket, status: .verified, in: db)
    }

    /// A ticket already verified the address: preparing a code for it would only undo that (400
    /// `verification_already_verified`).
    func ensureNotTicketVerified(signUpID: String, in db: any SQLDatabase) async throws {
        guard let existing = try await instance.codes.find(owner: signUpID, slot: "email_address", in: db),
              existing.strategy == .ticket, existing.status == .verified else { return }
        throw APIFailure.verificationAlreadyVerified
    }
}
