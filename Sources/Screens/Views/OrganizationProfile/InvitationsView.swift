import FrontendAPI
import Portal
import TerminalUI

extension InvitationsSection: OrganizationSectionView {
    typealias O = Copy.OrganizationProfile

    /// "Invite", then the pending invitations with their count.
    func rows(_ organization: OrganizationProfileMachine) -> [Control] {
        guard organization.can(OrganizationPermission.manageMembers) else { return [] }
        var controls: [Control] = [
            .section(total > 0 ? "\(O.invitations) (\(total))" : O.invitations),
            .option("+ " + O.invite, detail: nil, action: Self.opening(.invite)),
        ]
        if invitations.isEmpty { controls.append(.row(O.noInvitations, detail: nil)) }
        for invitation in invitations {
            controls.append(
                .option(
                    invitation.emailAddress, detail: invitation.roleName, action: Self.opening(.revoke(id: invitation.id))))
        }
        return controls
    }

    func card(_ step: Step, _ organization: OrganizationProfileMachine) -> Card {
        switch step {
        case .invite:
            var card = Card(title: O.inviteTitle, subtitle: O.inviteSubtitle)
            card.controls = [
                SectionControls.text(.invitationAddresses, O.emailAddressesLabel, organization), .note(O.selectRole),
            ]
            card.controls += organization.roles.map { role in
                .option(
                    role.name, detail: role.key == self.role ? "✓" : nil, action: Self.doing(.chooseRole(role.key)))
            }
            let ready = role != nil && !Self.addresses(organization.form[.invitationAddresses]).isEmpty
            card.controls.append(SectionControls.primary(O.sendInvitations, organization, enabled: ready))
            return card
        case .revoke(let id):
            let address = invitations.first { $0.id == id }?.emailAddress ?? ""
            return SectionControls.confirmation(
                O.revokeInvitation, lines: [Copy.Profile.willBeRemoved(address)], button: O.revokeInvitation, organization)
        }
    }
}

extension MembershipRequestsSection: OrganizationSectionView {
    func rows(_ organization: OrganizationProfileMachine) -> [Control] {
        guard Self.isOffered(organization.subject) else { return [] }
        var controls: [Control] = [.section(Copy.OrganizationProfile.requests)]
        if requests.isEmpty { controls.append(.row(Copy.OrganizationProfile.noRequests, detail: nil)) }
        for request in requests {
            let who = request.publicUserData?.identifier ?? ""
            controls.append(.option(who, detail: nil, action: Self.opening(.request(id: request.id))))
        }
        return controls
    }

    func card(_ step: Step, _ organization: OrganizationProfileMachine) -> Card {
        let id = switch step { case .request(let id): id }
        let who = requests.first { $0.id == id }?.publicUserData?.identifier ?? ""
        var card = Card(title: who)
        card.controls = [
            .option(Copy.OrganizationProfile.approve, detail: nil, action: Self.doing(.answer(id: id, approve: true))),
            .option(Copy.OrganizationProfile.reject, detail: nil, action: Self.doing(.answer(id: id, approve: false))),
        ]
        return card
    }
}
