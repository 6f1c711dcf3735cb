import FrontendAPI
import Portal
import TerminalUI

extension MembersSection: OrganizationSectionView {
    typealias O = Copy.OrganizationProfile

    /// A page of members with their roles ("You" for the user), search, and paging.
    func rows(_ organization: OrganizationProfileMachine) -> [Control] {
        guard organization.can(OrganizationPermission.readMembers) else { return [] }
        let manages = organization.can(OrganizationPermission.manageMembers)
        var controls: [Control] = [
            .section(O.members + (query.isEmpty ? "" : " · “\(query)”")),
            .option(O.search, detail: query.isEmpty ? nil : query, action: Self.opening(.search)),
        ]
        if members.isEmpty { controls.append(.row(O.noMembers, detail: nil)) }
        for member in members {
            let userID = member.publicUserData?.userID ?? ""
            let name = Self.name(member)
            let detail = OrganizationProfileView.badges(member, you: organization.userID)
            controls.append(
                manages && userID != organization.userID
                    ? .option(name, detail: detail, action: Self.opening(.member(userID: userID)))
                    : .row(name, detail: detail))
        }
        if offset > 0 { controls.append(.link(Copy.back, prefix: nil, action: Self.doing(.previousPage), enabled: true)) }
        if offset + members.count < total {
            controls.append(.link(Copy.Organizations.loadMore, prefix: nil, action: Self.doing(.nextPage), enabled: true))
        }
        return controls
    }

    func card(_ step: Step, _ organization: OrganizationProfileMachine) -> Card {
        switch step {
        case .search:
            var card = Card(title: O.search)
            card.controls = [
                SectionControls.text(.memberQuery, O.search, organization),
                SectionControls.primary(O.search, organization),
            ]
            return card
        case .member(let userID):
            let member = members.first { $0.publicUserData?.userID == userID }
            var card = Card(title: member.map(Self.name) ?? "", subtitle: member?.roleName)
            card.lines = [O.roleLabel]
            card.controls = organization.roles.map { role in
                .option(
                    role.name, detail: role.key == member?.role ? Copy.Organizations.active : nil,
                    action: Self.doing(.setRole(userID: userID, role: role.key)))
            }
            card.controls.append(.option(O.removeMember, detail: nil, action: Self.opening(.remove(userID: userID))))
            return card
        case .remove(let userID):
            let name = members.first { $0.publicUserData?.userID == userID }.map(Self.name) ?? ""
            return SectionControls.confirmation(O.removeMember, lines: [Copy.Profile.willBeRemoved(name)], organization)
        }
    }

    /// "Ada Lovelace" or the member's identifier.
    static func name(_ member: OrganizationMembership) -> String {
        let data = member.publicUserData
        let name = [data?.firstName, data?.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? data?.identifier ?? "" : name
    }
}
