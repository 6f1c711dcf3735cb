import FrontendAPI
import Portal
import TerminalUI

/// OrganizationList / OrganizationSwitcher, the choose-organization task and CreateOrganization. Pure.
enum OrganizationListView {
    typealias O = Copy.Organizations

    static func card(_ machine: OrganizationListMachine) -> Card {
        var card =
            switch machine.step {
            case .list: list(machine)
            case .create: create(machine)
            }
        card.notice = machine.notice.map { Banner(.danger, $0) }
        if machine.serverUnavailable {
            card.controls.insert(.button(Copy.retry, action: .organizations(.retry), enabled: true), at: 0)
        }
        if machine.mode == .task {
            card.controls.append(
                .link(Copy.Tasks.signOut, prefix: Copy.Tasks.signedInAs(machine.identifier), action: .organizations(.signOut),
                      enabled: true))
        }
        return card
    }

    // MARK: The list

    private static func list(_ machine: OrganizationListMachine) -> Card {
        let app = machine.config.applicationName
        var card: Card
        if machine.cannotContinue {
            return Card(title: O.taskCreateDisabledTitle, subtitle: O.taskCreateDisabledSubtitle)
        } else if machine.mode == .task {
            card = Card(
                title: O.taskTitle, subtitle: machine.config.createEnabled ? O.taskSubtitle : O.taskSubtitleCreateDisabled)
        } else {
            card = Card(
                title: machine.offersPersonalAccount ? O.listTitle : O.listTitleWithoutPersonal,
                subtitle: O.listSubtitle(app: app))
        }
        guard !machine.isLoading else {
            card.lines = [Copy.loading]
            return card
        }
        card.controls = accounts(machine) + invitations(machine) + suggestions(machine)
        if machine.config.createEnabled {
            let label = machine.mode == .task ? O.taskCreate : O.createOrganization
            card.controls.append(.option("+ " + label, detail: nil, action: .organizations(.create)))
        }
        if machine.mode == .switcher {
            card.controls.append(.link(Copy.back, prefix: nil, action: .organizations(.back), enabled: true))
        }
        return card
    }

    /// The active account first (not selectable), then the personal account and the other memberships.
    private static func accounts(_ machine: OrganizationListMachine) -> [Control] {
        var controls: [Control] = []
        let active = machine.mode == .switcher ? machine.activeOrganizationID : nil
        if machine.mode == .switcher {
            if let membership = machine.activeMembership {
                // The active organization, with "Manage" (OrganizationProfile).
                controls.append(
                    .option(membership.organization.name, detail: "\(membership.roleName) · \(Copy.OrganizationProfile.manage)",
                            action: .organizations(.manage)))
            } else if machine.activeOrganizationID == nil {
                controls.append(.row(O.personalAccount, detail: O.active))
            }
            if machine.offersPersonalAccount, active != nil {
                controls.append(.option(O.personalAccount, detail: nil, action: .organizations(.select(organizationID: nil))))
            }
        }
        for membership in machine.memberships where membership.organization.id != active {
            let organization = membership.organization
            controls.append(
                .option(organization.name, detail: membership.roleName,
                        action: .organizations(.select(organizationID: organization.id))))
        }
        if machine.hasMoreMemberships {
            controls.append(.link(O.loadMore, prefix: nil, action: .organizations(.loadMore), enabled: !machine.isBusy))
        }
        return controls
    }

    private static func invitations(_ machine: OrganizationListMachine) -> [Control] {
        machine.invitations.map { invitation in
            .option(
                invitation.publicOrganizationData?.name ?? invitation.emailAddress, detail: O.join,
                action: .organizations(.join(invitationID: invitation.id)))
        }
    }

    /// A suggestion asks to join; once asked, it waits for an admin.
    private static func suggestions(_ machine: OrganizationListMachine) -> [Control] {
        machine.suggestions.map { suggestion in
            let name = suggestion.publicOrganizationData?.name ?? ""
            return suggestion.status == "accepted"
                ? .row(name, detail: O.pendingApproval)
                : .option(name, detail: O.requestToJoin, action: .organizations(.requestToJoin(suggestionID: suggestion.id)))
        }
    }

    // MARK: CreateOrganization

    private static func create(_ machine: OrganizationListMachine) -> Card {
        let task = machine.mode == .task
        var card =
            task
            ? Card(title: O.taskCreateTitle, subtitle: O.taskCreateSubtitle)
            : Card(title: O.createTitle, subtitle: nil)
        card.controls = [
            field(.name, O.nameLabel, machine.form.name, placeholder: task ? O.taskNamePlaceholder : O.namePlaceholder, machine)
        ]
        if !machine.config.slugDisabled {
            card.controls.append(
                field(.slug, O.slugLabel, machine.form.slug, placeholder: task ? O.taskSlugPlaceholder : O.slugPlaceholder, machine))
        }
        if machine.config.localFiles {
            card.controls.append(field(.logo, O.logoLabel, machine.form.logoPath, hint: O.logoHint, machine))
        }
        let submit = task ? Copy.continueButton : O.createOrganization
        card.controls.append(.button(submit, action: .organizations(.submit), enabled: !machine.isBusy))
        if machine.canLeaveCreate {
            card.controls.append(.link(Copy.Tasks.cancel, prefix: nil, action: .organizations(.back), enabled: true))
        }
        return card
    }

    private static func field(
        _ field: OrganizationField, _ label: String, _ value: String, placeholder: String = "", hint: String? = nil,
        _ machine: OrganizationListMachine
    ) -> Control {
        .text(.organization(field), label: label, placeholder: placeholder, value: value,
              error: machine.errors[field.rawValue], hint: hint)
    }
}
