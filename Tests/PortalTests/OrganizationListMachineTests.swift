import FrontendAPI
import Testing

@testable import Portal

/// Organization rows and lists the machines consume.
enum OrganizationFixtures {
    static func organization(_ id: String, _ name: String, slug: String? = nil) -> Organization {
        Organization(
            id: id, name: name, slug: slug, maxAllowedMemberships: 5, adminDeleteEnabled: true,
            createdAt: Fixtures.date, updatedAt: Fixtures.date)
    }

    static func membership(_ organization: Organization, role: String = "org:admin", roleName: String = "Admin")
        -> OrganizationMembership
    {
        OrganizationMembership(
            id: "orgmem_\(organization.id)", role: role, roleName: roleName, organization: organization,
            createdAt: Fixtures.date, updatedAt: Fixtures.date)
    }

    static let acme = organization("org_acme", "Acme Inc", slug: "acme-inc")
    static let globex = organization("org_globex", "Globex", slug: "globex")

    static let invitation = OrganizationInvitation(
        id: "orginv_1", emailAddress: "ada@acme.test", role: "org:member", roleName: "Member",
        publicOrganizationData: PublicOrganizationData(id: "org_initech", name: "Initech", hasImage: false),
        status: "pending", createdAt: Fixtures.date, updatedAt: Fixtures.date)

    static let suggestion = OrganizationSuggestion(
        id: "orgsugg_1", publicOrganizationData: PublicOrganizationData(id: "org_hooli", name: "Hooli", hasImage: false),
        status: "pending", createdAt: Fixtures.date, updatedAt: Fixtures.date)
}

extension OrganizationListMachine {
    static func make(
        _ mode: Mode = .switcher, active: String? = nil, createEnabled: Bool = true, localFiles: Bool = true
    ) -> OrganizationListMachine {
        var config = OrganizationsConfig()
        config.applicationName = "Acme"
        config.createEnabled = createEnabled
        config.localFiles = localFiles
        return OrganizationListMachine(
            mode: mode, sessionID: "sess_a", identifier: "ada@acme.test", activeOrganizationID: active, config: config,
            scope: 4)
    }

    /// Answers the three loads `start` asks for.
    mutating func load(
        memberships: [OrganizationMembership], invitations: [OrganizationInvitation] = [],
        suggestions: [OrganizationSuggestion] = [], total: Int? = nil
    ) {
        for effect in start() {
            guard case .call(let id, .organizations(_, let call)) = effect else {
                Issue.record("expected a list call, got \(effect)")
                continue
            }
            let result: BackendResult =
                switch call {
                case .memberships: .memberships(PaginatedList(data: memberships, totalCount: total ?? memberships.count))
                case .invitations: .invitations(PaginatedList(data: invitations, totalCount: invitations.count))
                default: .suggestions(PaginatedList(data: suggestions, totalCount: suggestions.count))
                }
            _ = update(.response(id, .success(result)))
        }
    }

    @discardableResult
    mutating func answer(_ effects: [Effect], _ outcome: BackendOutcome, sourceLocation: SourceLocation = #_sourceLocation)
        -> [Effect]
    {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)", sourceLocation: sourceLocation)
            return []
        }
        return update(.response(id, outcome))
    }
}

@Suite struct OrganizationListMachineTests {
    typealias F = OrganizationFixtures

    static func call(_ call: OrganizationCall) -> BackendCall { .organizations(sessionID: "sess_a", call) }

    @Test func theListLoadsMembershipsInvitationsAndSuggestions() {
        var machine = OrganizationListMachine.make()
        #expect(machine.start().calls() == [
            Self.call(.memberships(offset: 0)), Self.call(.invitations(offset: 0)),
            Self.call(.suggestions(offset: 0, includeAccepted: true)),
        ])
        #expect(machine.isLoading)
        machine.load(memberships: [F.membership(F.acme)], invitations: [F.invitation], suggestions: [F.suggestion])
        #expect(!machine.isLoading && machine.memberships.map(\.organization.name) == ["Acme Inc"])
        #expect(machine.offersPersonalAccount)
    }

    @Test func choosingAnOrganizationMakesItActive() {
        var machine = OrganizationListMachine.make()
        machine.load(memberships: [F.membership(F.acme)])
        let select = machine.update(.select(organizationID: "org_acme"))
        #expect(select.calls() == [.selectOrganization(sessionID: "sess_a", organizationID: "org_acme")])
        #expect(machine.answer(select, .success(.session(Fixtures.session("sess_a", identifier: "ada")))).outcomes() == [.selected])

        var personal = OrganizationListMachine.make(active: "org_acme")
        personal.load(memberships: [F.membership(F.acme)])
        #expect(personal.update(.select(organizationID: "org_acme")).outcomes() == [.close])
        #expect(personal.update(.select(organizationID: nil)).calls() == [
            .selectOrganization(sessionID: "sess_a", organizationID: nil)
        ])
    }

    @Test func anOrganizationNoLongerYoursIsExplainedAndTheListReloads() {
        var machine = OrganizationListMachine.make()
        machine.load(memberships: [F.membership(F.globex)])
        let select = machine.update(.select(organizationID: "org_globex"))
        let reload = machine.answer(select, .failure(Fixtures.failure("organization_not_found_or_unauthorized", status: 404)))
        #expect(machine.notice == "You are no longer a member of this organization. Please choose or create another one.")
        #expect(reload.calls() == [Self.call(.memberships(offset: 0))])
    }

    @Test func joiningAnInvitationMovesItToTheMemberships() {
        var machine = OrganizationListMachine.make()
        machine.load(memberships: [], invitations: [F.invitation])
        let join = machine.update(.join(invitationID: "orginv_1"))
        #expect(join.calls() == [Self.call(.acceptInvitation(id: "orginv_1"))])
        var accepted = F.invitation
        accepted.status = "accepted"
        let reload = machine.answer(join, .success(.invitation(accepted)))
        #expect(machine.invitations.isEmpty && reload.calls() == [Self.call(.memberships(offset: 0))])
    }

    @Test func aSuggestionWaitsForApprovalOnceRequested() {
        var machine = OrganizationListMachine.make()
        machine.load(memberships: [], suggestions: [F.suggestion])
        let request = machine.update(.requestToJoin(suggestionID: "orgsugg_1"))
        #expect(request.calls() == [Self.call(.acceptSuggestion(id: "orgsugg_1"))])
        var accepted = F.suggestion
        accepted.status = "accepted"
        machine.answer(request, .success(.suggestion(accepted)))
        #expect(machine.suggestions.map(\.status) == ["accepted"])
    }

    @Test func moreMembershipsLoadAPageAtATime() {
        var machine = OrganizationListMachine.make()
        machine.load(memberships: [F.membership(F.acme)], total: 2)
        #expect(machine.hasMoreMemberships)
        let more = machine.update(.loadMore)
        #expect(more.calls() == [Self.call(.memberships(offset: 1))])
        machine.answer(more, .success(.memberships(PaginatedList(data: [F.membership(F.globex)], totalCount: 2))))
        #expect(machine.memberships.map(\.organization.id) == ["org_acme", "org_globex"] && !machine.hasMoreMemberships)
    }

    @Test func theSlugFollowsTheNameUntilEdited() {
        var form = CreateOrganizationForm()
        form.set(.name, "  Acme Inc  ")
        #expect(form.slug == "acme-inc")
        form.set(.name, "Acme, Inc.")
        #expect(form.slug == "acme-inc-")
        form.set(.slug, "acme")
        form.set(.name, "Acme Corporation")
        #expect(form.slug == "acme")
        #expect(CreateOrganizationForm.slug(from: "Ünïcode Ltd") == "-n-code-ltd")
    }

    @Test func creatingUploadsTheLogoThenMakesTheOrganizationActive() {
        var machine = OrganizationListMachine.make()
        machine.load(memberships: [])
        _ = machine.update(.create)
        _ = machine.update(.fieldChanged(.name, "Acme Inc"))
        _ = machine.update(.fieldChanged(.logo, "~/logo.png"))
        let create = machine.update(.submit)
        #expect(create.calls() == [Self.call(.create(name: "Acme Inc", slug: "acme-inc"))])
        let logo = machine.answer(create, .success(.organization(F.acme)))
        #expect(logo.calls() == [Self.call(.setLogo(organizationID: "org_acme", path: "~/logo.png"))])
        let failed = machine.answer(
            logo, .failure(Fixtures.failure("avatar_file_type_invalid", param: "file", message: "File type not supported.")))
        #expect(failed.isEmpty && machine.errors["file"] == "File type not supported." && machine.created == F.acme)
        _ = machine.update(.fieldChanged(.logo, ""))
        let select = machine.update(.submit)
        #expect(select.calls() == [.selectOrganization(sessionID: "sess_a", organizationID: "org_acme")])
    }

    @Test func aTakenSlugLandsUnderTheSlug() {
        var machine = OrganizationListMachine.make()
        machine.load(memberships: [])
        _ = machine.update(.create)
        _ = machine.update(.fieldChanged(.name, "Acme Inc"))
        let create = machine.update(.submit)
        machine.answer(create, .failure(Fixtures.failure("form_identifier_exists", param: "slug", message: "This slug is taken.")))
        #expect(machine.errors["slug"] == "This slug is taken." && machine.created == nil && machine.step == .create)
    }

    @Test func theTaskWithNothingToChooseStartsWithCreating() {
        var machine = OrganizationListMachine.make(.task)
        machine.load(memberships: [])
        #expect(machine.step == .create && !machine.canLeaveCreate)
        #expect(machine.update(.back).isEmpty && machine.step == .create)
        #expect(!machine.offersPersonalAccount)
        #expect(machine.update(.signOut).outcomes() == [.signOut(sessionID: "sess_a")])

        var closed = OrganizationListMachine.make(.task, createEnabled: false)
        closed.load(memberships: [])
        #expect(closed.step == .list && closed.cannotContinue)
    }

    @Test func listsThatDidNotLoadAreAskedForAgain() {
        var machine = OrganizationListMachine.make()
        for effect in machine.start() {
            guard case .call(let id, _) = effect else { continue }
            _ = machine.update(.response(id, .failure(.unavailable(reason: "down"))))
        }
        #expect(machine.serverUnavailable && machine.isLoading)
        #expect(machine.update(.retry).calls().count == 3)
    }
}
