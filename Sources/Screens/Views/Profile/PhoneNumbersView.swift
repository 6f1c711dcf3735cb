import FrontendAPI
import Portal
import TerminalUI

extension PhoneNumbersSection: ProfileSectionView {
    private static var views: IdentifierViews { IdentifierViews(open: opening, act: doing) }

    func rows(_ profile: ProfileMachine) -> [Control] {
        guard profile.config.phoneNumbers else { return [] }
        return Self.views.rows(Copy.Profile.phoneSection, profile.phoneNumbers.map(Self.item), add: Copy.Profile.addPhone, profile)
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        let phone = { (id: String) in profile.user?.phoneNumbers.first { $0.id == id } }
        switch step {
        case .add:
            var card = Card(title: Copy.Profile.addPhone, subtitle: Copy.Profile.addPhoneHint)
            card.controls = [
                SectionControls.text(.countryCode, Copy.Profile.countryCode, profile),
                SectionControls.text(
                    .phoneNumber, Copy.Profile.phoneNumber, profile, placeholder: Copy.Field.phoneNumberPlaceholder),
                SectionControls.primary(Copy.Profile.add, profile),
            ]
            return card
        case .verify(let id):
            return Self.views.verify(Copy.Profile.verifyPhoneTitle, phone(id)?.phoneNumber ?? "", profile)
        case .menu(let id):
            guard let number = phone(id) else { return Card(title: Copy.Profile.phoneSection) }
            let isPrimary = id == profile.user?.primaryPhoneNumberID
            return Self.views.menu(
                Self.item(number), verify: Copy.Profile.verifyPhone, remove: Copy.Profile.removePhone, isPrimary: isPrimary,
                profile)
        case .remove(let id):
            let lines = [Copy.Profile.willBeRemoved(phone(id)?.phoneNumber ?? ""), Copy.Profile.removePhoneWarning]
            return SectionControls.confirmation(Copy.Profile.removePhone, lines: lines, profile)
        }
    }

    private static func item(_ phone: PhoneNumber) -> IdentifierViews.Item {
        IdentifierViews.Item(id: phone.id, label: phone.phoneNumber, isVerified: phone.verification?.status == .verified)
    }
}
