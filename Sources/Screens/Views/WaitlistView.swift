import FrontendAPI
import Portal
import TerminalUI

/// The cards of a sign-up that is not open to everyone: "Access restricted" (with the invitation link field), and
/// Clerk's Waitlist component ("Join the waitlist", then "Thanks for joining the waitlist!"). Pure.
enum WaitlistView {
    static func card(_ machine: SignUpMachine) -> Card {
        switch machine.step {
        case .waitlist:
            var card = Card(title: Copy.Waitlist.title, subtitle: Copy.Waitlist.subtitle)
            card.controls = [
                .text(
                    .signUp(SignUpField.emailAddress.rawValue), label: Copy.Field.emailAddress,
                    placeholder: Copy.Field.emailAddressPlaceholder, value: machine.values[.emailAddress] ?? "",
                    error: machine.errors[SignUpField.emailAddress.rawValue], hint: nil),
                .button(Copy.Waitlist.formButton, action: .signUp(.submit), enabled: machine.canSubmit),
                signIn,
            ]
            return card
        case .waitlistJoined:
            var card = Card(title: Copy.Waitlist.joinedTitle, subtitle: Copy.Waitlist.joinedSubtitle)
            card.controls = [signIn]
            return card
        default:
            return restricted(machine)
        }
    }

    /// "Access restricted": the waitlist to join or the support address, and the invitation link to paste.
    private static func restricted(_ machine: SignUpMachine) -> Card {
        let waitlist = machine.config.mode == .waitlist
        var card = Card(
            title: Copy.SignUp.restrictedTitle,
            subtitle: waitlist ? Copy.SignUp.restrictedWaitlistSubtitle : Copy.SignUp.restrictedSubtitle)
        if waitlist {
            card.controls.append(.button(Copy.SignUp.joinWaitlist, action: .signUp(.joinWaitlist), enabled: true))
        } else if let email = machine.config.supportEmail {
            card.lines = ["\(Copy.SignUp.emailSupport): \(email)"]
        }
        let field = SignUpField.invitationLink
        card.controls += [
            .text(
                .signUp(field.rawValue), label: Copy.Invitation.linkLabel, placeholder: Copy.Invitation.linkPlaceholder,
                value: machine.values[field] ?? "", error: nil, hint: nil),
            .button(Copy.Invitation.acceptButton, action: .signUp(.submit), enabled: machine.canSubmit),
            SignUpView.signInLink,
        ]
        return card
    }

    private static let signIn = Control.link(
        Copy.Waitlist.signInLink, prefix: Copy.Waitlist.signInPrompt, action: .signUp(.goToSignIn), enabled: true)
}
