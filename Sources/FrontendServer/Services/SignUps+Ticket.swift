import FrontendAPI
import SQLKit

/// Sign-up with an organization invitation's ticket (`strategy=ticket&ticket=…`, clerk-js `SignUpStart` with
/// `__clerk_ticket`): the invited address comes from the ticket, whatever `email_address` says, and is verified by it
/// (`verifications.email_address` is a verified `verification_ticket`; no code is sent). The sign-up then asks only for
/// what the instance still requires (a password, names), and once complete the new user is a member of the
/// organization with the invitation's role. clerk-js sends the ticket again with the missing fields
/// (`PATCH …/{id}`), which is accepted the same way. Allowed whatever `sign_up_mode` says, as invitations are.
extension SignUps {
    /// The ticket of a `strategy=ticket` request, or nil for any other strategy.
    func ticketParameter() throws(APIFailure) -> String? {
        guard form.nonEmpty("strategy") == Strategy.ticket.rawValue else { return nil }
        return try form.required("ticket")
    }

    /// Puts the invited address of the ticket's pending invitation into `fields` and returns the invitation's id. The
    /// address must be free: 400 `organization_invitation_identification_already_exists` (its owner signs in instead).
    func applyTicket(_ ticket: String, to fields: inout Fields, in db: any SQLDatabase) async throws -> String {
        let (invitation, _) = try await InvitationTickets(instance: instance).invitation(ticket: ticket, in: db)
        if try await IdentificationRecord.first(in: db, where: "value", equals: invitation.emailAddress) != nil {
            throw APIFailure.organizationInvitationIdentificationAlreadyExists
        }
        fields.email = invitation.emailAddress
        return invitation.id
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
