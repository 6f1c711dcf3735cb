import Portal
import TerminalUI

extension OrganizationDetailsSection: OrganizationSectionView {
    func rows(_ organization: OrganizationProfileMachine) -> [Control] {
        let profile = organization.organization
        let label = profile.name + (profile.slug.map { "  \($0)" } ?? "")
        let row: Control =
            organization.can(OrganizationPermission.manageProfile)
            ? .option(label, detail: Copy.OrganizationProfile.updateProfile, action: Self.opening(.edit))
            : .row(label, detail: nil)
        return [.section(Copy.OrganizationProfile.profileSection), row]
    }

    func card(_ step: Step, _ organization: OrganizationProfileMachine) -> Card {
        typealias O = Copy.OrganizationProfile
        switch step {
        case .edit:
            var card = Card(title: O.updateProfile)
            card.controls = [SectionControls.text(.organizationName, Copy.Organizations.nameLabel, organization)]
            if !organization.config.slugDisabled {
                card.controls.append(
                    SectionControls.text(
                        .organizationSlug, Copy.Organizations.slugLabel, organization, placeholder: Copy.Organizations.slugPlaceholder,
                        hint: O.slugHint))
            }
            if organization.config.localFiles {
                card.controls.append(SectionControls.text(.logoPath, O.logoPathLabel, organization))
            }
            if organization.organization.hasImage {
                card.controls.append(.link(O.removeLogo, prefix: O.logo, action: Self.opening(.removeLogo), enabled: true))
            }
            card.controls.append(
                SectionControls.primary(Copy.Profile.save, organization, enabled: organization.canSaveProfile))
            return card
        case .removeLogo:
            return SectionControls.confirmation(
                O.removeLogo, lines: [Copy.Profile.willBeRemoved(O.logo)], organization)
        }
    }
}
