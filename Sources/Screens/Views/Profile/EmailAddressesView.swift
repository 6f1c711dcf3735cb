import FrontendAPI
import Portal
import TerminalUI

extension EmailAddressesSection: ProfileSectionView {
    private static var views: IdentifierViews { IdentifierViews(open: opening, act: doing) }

    func rows(_ profile: ProfileMachine) -> [Control] {
        guard profile.config.emailAddresses else { return [] }
        return Self.views.rows(Copy.Profile.emailSection, profile.emailAddresses.map(Self.item), add: Copy.Profile.addEmail, profile)
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        let email = { (id: String) in profile.user?.emailAddresses.first { $0.id == id } }
        switch step {
        case .add:
            var card = Card(title: Copy.Profile.addEmail, subtitle: Copy.Profile.addEmailHint)
            card.controls = [
                SectionControls.text(
                    .emailAddress, Copy.Field.emailAddress, profile, placeholder: Copy.Field.emailAddressPlaceholder),
                SectionControls.primary(Copy.Profile.add, profile),
            ]
            return card
        case .verify(let id):
            return Self.views.verify(Copy.Profile.verifyEmailTitle, email(id)?.emailAddress ?? "", profile)
        case .menu(let id):
            guard let address = email(id) else { return Card(title: Copy.Profile.emailSection) }
            let isPrimary = id == profile.user?.primaryEmailAddressID
            let verify = isPrimary ? Copy.Profile.completeVerification : Copy.Profile.verify
            return Self.views.menu(
                Self.item(address), verify: verify, remove: Copy.Profile.removeEmail, isPrimary: isPrimary, profile)
        case .remove(let id):
            let lines = [Copy.Profile.willBeRemoved(email(id)?.emailAddress ?? ""), Copy.Profile.removeEmailWarning]
            return SectionControls.confirmation(Copy.Profile.removeEmailTitle, lines: lines, profile)
        }
    }

    private static func item(_ email: EmailAddress) -> IdentifierViews.Item {
        IdentifierViews.Item(id: email.id, label: email.emailAddress, isVerified: email.verification?.status == .verified)
    }
}
