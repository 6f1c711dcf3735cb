import Portal
import TerminalUI

extension LeaveOrganizationSection: OrganizationSectionView {
    func rows(_ organization: OrganizationProfileMachine) -> [Control] {
        [
            .section(Copy.OrganizationProfile.dangerSection),
            .option(Copy.OrganizationProfile.leaveTitle, detail: nil, action: Self.opening(.confirm)),
        ]
    }

    func card(_ step: Step, _ organization: OrganizationProfileMachine) -> Card {
        DangerViews.confirm(
            Copy.OrganizationProfile.leaveTitle, message: Copy.OrganizationProfile.leaveMessage1, organization)
    }
}

extension DeleteOrganizationSection: OrganizationSectionView {
    func rows(_ organization: OrganizationProfileMachine) -> [Control] {
        guard Self.isOffered(organization.subject) else { return [] }
        return [.option(Copy.OrganizationProfile.deleteTitle, detail: nil, action: Self.opening(.confirm))]
    }

    func card(_ step: Step, _ organization: OrganizationProfileMachine) -> Card {
        DangerViews.confirm(
            Copy.OrganizationProfile.deleteTitle, message: Copy.OrganizationProfile.deleteMessage1, organization)
    }
}

/// Leaving and deleting are confirmed the same way: by typing the organization's name.
enum DangerViews {
    static func confirm(_ title: String, message: String, _ organization: OrganizationProfileMachine) -> Card {
        typealias O = Copy.OrganizationProfile
        var card = Card(title: title)
        card.lines = [message, O.permanent]
        card.controls = [
            SectionControls.text(.confirmation, O.typeName(organization.organization.name), organization),
            SectionControls.primary(title, organization, enabled: organization.confirmationMatches),
        ]
        return card
    }
}
