import FrontendAPI
import Portal
import TerminalUI

extension VerifiedDomainsSection: OrganizationSectionView {
    typealias O = Copy.OrganizationProfile

    /// The domains with their state ("Unverified", or how users join), and "Add domain".
    func rows(_ organization: OrganizationProfileMachine) -> [Control] {
        guard Self.isOffered(organization.subject) else { return [] }
        let manages = organization.can(OrganizationPermission.manageDomains)
        var controls: [Control] = [.section(O.domainsSection)]
        for domain in domains {
            let verified = domain.verification?.status == .verified
            let detail = verified ? O.enrollmentLabel(domain.enrollmentMode) : O.unverified
            controls.append(
                manages ? .option(domain.name, detail: detail, action: Self.opening(.menu(id: domain.id))) : .row(domain.name, detail: detail))
        }
        if manages { controls.append(.option("+ " + O.addDomain, detail: nil, action: Self.opening(.add))) }
        return controls
    }

    func card(_ step: Step, _ organization: OrganizationProfileMachine) -> Card {
        switch step {
        case .add:
            var card = Card(title: O.addDomain, subtitle: O.addDomainSubtitle)
            card.controls = [
                SectionControls.text(.domainName, O.domainLabel, organization, placeholder: "example.com"),
                SectionControls.primary(Copy.Profile.add, organization),
            ]
            return card
        case .verify(let id):
            let name = domain(id)?.name ?? ""
            var card = Card(title: O.verifyDomainTitle, subtitle: O.verifyDomainSubtitle(name))
            card.controls = [
                SectionControls.text(.affiliationLocalPart, O.affiliationEmailLabel, organization, hint: "@" + name),
                SectionControls.primary(Copy.continueButton, organization),
            ]
            return card
        case .code(let id):
            let address = domain(id)?.affiliationEmailAddress ?? ""
            var card = Card(title: O.verifyDomainTitle, subtitle: O.codeSentTo(address))
            card.controls = [
                SectionControls.code(organization), SectionControls.primary(Copy.continueButton, organization),
                SectionControls.resend(Self.doing(.resend), organization, label: O.resendCode),
            ]
            return card
        case .menu(let id):
            return menu(id, organization)
        case .enrollment(let id):
            return enrollment(id, organization)
        case .remove(let id):
            let name = domain(id)?.name ?? ""
            return SectionControls.confirmation(
                O.removeDomainTitle, lines: [O.domainWillBeRemoved(name), O.domainRemovalWarning], organization)
        }
    }

    /// Verify an unverified domain, or manage a verified one's enrollment; delete either.
    private func menu(_ id: String, _ organization: OrganizationProfileMachine) -> Card {
        let domain = domain(id)
        var card = Card(title: domain?.name ?? "")
        if domain?.verification?.status == .verified {
            card.controls.append(.option(O.manage, detail: nil, action: Self.opening(.enrollment(id: id))))
        } else {
            card.controls.append(.option(O.verify, detail: nil, action: Self.opening(.verify(id: id))))
        }
        card.controls.append(.option(O.delete, detail: nil, action: Self.opening(.remove(id: id))))
        return card
    }

    /// The modes the instance allows, each with what it means, and "Delete pending invitations and suggestions".
    private func enrollment(_ id: String, _ organization: OrganizationProfileMachine) -> Card {
        var card = Card(title: O.updateDomainTitle(domain(id)?.name ?? ""), subtitle: O.enrollmentSubtitle)
        card.lines = [O.enrollmentCallout]
        card.controls = organization.config.enrollmentModes.map { candidate in
            .option(
                O.enrollmentLabel(candidate) + (candidate == mode ? "  ✓" : ""), detail: O.enrollmentDescription(candidate),
                action: Self.doing(.chooseMode(candidate)))
        }
        card.controls += [
            .checkbox(label: O.deletePending, checked: deletePending, action: Self.doing(.toggleDeletePending)),
            SectionControls.primary(Copy.Profile.save, organization, enabled: mode != nil),
        ]
        return card
    }
}
