import Foundation
import FrontendAPI

/// Accepting an invitation by its ticket: `clerk-tui --ticket`, or the invitation link pasted on the start card. The
/// ticket signs its invitee in (`strategy=ticket`); when no account has the invited address yet, a sign-up takes the
/// same ticket over, and the address needs no code.
extension SignInMachine {
    /// The ticket an invitation link carries (its `__clerk_ticket` query item), or nil for anything else.
    public static func ticket(inLink text: String) -> String? {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)), components.scheme != nil
        else { return nil }
        return components.queryItems?.first { $0.name == "__clerk_ticket" }?.value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Signs in with `ticket`.
    public mutating func signIn(ticket: String) -> [Effect] {
        errors = .none
        let parameters = SignInParameters(strategy: .ticket, ticket: ticket, locale: Self.locale)
        return [send(.createSignIn(parameters), .ticket(ticket))]
    }

    /// No account has the invited address: a sign-up takes the ticket over.
    mutating func ticketFailed(_ failure: PortalFailure, ticket: String) -> [Effect] {
        if failure.has(code: "invitation_account_not_exists") || failure.has(code: "form_identifier_not_found") {
            step = .done
            return [.finish(.transferTicketToSignUp(ticket: ticket))]
        }
        errors = FormErrors(failure.errors, fieldNames: ["identifier"])
        return []
    }
}
