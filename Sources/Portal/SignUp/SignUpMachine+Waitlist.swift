import Foundation
import FrontendAPI

/// Where sign-up is by waitlist: Clerk's Waitlist component ("Join the waitlist", the email address, then "Thanks for
/// joining the waitlist!"), reached from the restricted card or the sign-in card's "Join waitlist". And wherever
/// sign-up is restricted, the invitation that lets someone in: its link pasted on the card (or in the email field of
/// the form) signs up with its ticket, as `clerk-tui --ticket` does.
extension SignUpMachine {
    /// "Join waitlist": the waitlist's form.
    mutating func openWaitlist() -> [Effect] {
        guard config.mode == .waitlist, step == .restricted || step == .start else { return [] }
        errors = .none
        step = .waitlist
        return []
    }

    /// Leaves the waitlist's cards for the restricted card.
    mutating func leaveWaitlist() -> [Effect] {
        requests.forgetAll()
        errors = .none
        step = .restricted
        return []
    }

    /// "Join the waitlist" on the form.
    mutating func joinWaitlist() -> [Effect] {
        let email = (values[.emailAddress] ?? "").trimmingCharacters(in: .whitespaces)
        guard !email.isEmpty else { return [] }
        errors = .none
        return [send(.joinWaitlist(emailAddress: email), .joinWaitlist)]
    }

    mutating func waitlistJoined() -> [Effect] {
        step = .waitlistJoined
        return []
    }

    /// The ticket of an invitation link pasted on a card that takes one: the restricted card's link field, or the
    /// form's email field.
    var pastedTicket: String? {
        let field: SignUpField
        switch step {
        case .restricted: field = .invitationLink
        case .start, .waitlist: field = .emailAddress
        default: return nil
        }
        return values[field].flatMap(SignInMachine.ticket(inLink:))
    }

    /// Signs up with `ticket`: the invited address needs no code; the server asks for what is still missing.
    mutating func startTicket(_ ticket: String) -> [Effect] {
        errors = .none
        values[.invitationLink] = nil
        // The fields come with the answer: what the invitation leaves missing.
        step = .continueMissing
        let parameters = SignUpParameters(strategy: .ticket, ticket: ticket, locale: Self.locale)
        return [send(.createSignUp(parameters), .create)]
    }
}

extension SignUpField {
    /// The restricted card's "Invitation link" field (a portal field, not a sign-up attribute).
    public static let invitationLink = SignUpField(rawValue: "invitation_link")
}
