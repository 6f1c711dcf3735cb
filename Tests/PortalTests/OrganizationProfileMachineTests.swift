import FrontendAPI
import Testing

@testable import Portal

@Suite struct OrganizationProfileMachineTests {
    typealias F = OrganizationFixtures

    static let adminPermissions = [
        "org:sys_profile:manage", "org:sys_profile:delete", "org:sys_memberships:read", "org:sys_memberships:manage",
        "org:sys_domains:read", "org:sys_domains:manage",
    ]

    static func machine(permissions: [String] = adminPermissions, domains: Bool = true) -> OrganizationProfileMachine {
        var membership = F.membership(F.acme)
        membership.permissions = permissions
        var config = OrganizationProfileConfig()
        config.domainsEnabled = domains
        config.enrollmentModes = ["manual_invitation", "automatic_invitation", "automatic_suggestion"]
        return OrganizationProfileMachine(sessionID: "sess_a", userID: "user_1", membership: membership, config: config, scope: 9)
    }

    static func call(_ call: OrganizationAdminCall) -> BackendCall {
        .organization(sessionID: "sess_a", organizationID: "org_acme", call)
    }

    static func answer(_ machine: inout OrganizationProfileMachine, _ effects: [OrganizationProfileMachine.Effect],
                       _ outcome: BackendOutcome, sourceLocation: SourceLocation = #_sourceLocation)
        -> [OrganizationProfileMachine.Effect]
    {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)", sourceLocation: sourceLocation)
            return []
        }
        return machine.update(.response(id, outcome))
    }

    static let domain = OrganizationDomain(
        id: "dmn_1", organizationID: "org_acme", name: "acme.test", enrollmentMode: "manual_invitation",
        totalPendingInvitations: 0, totalPendingSuggestions: 0, createdAt: Fixtures.date, updatedAt: Fixtures.date)

    @Test func anAdminLoadsTheOrganizationItsRolesAndItsDomains() {
        var machine = Self.machine()
        #expect(machine.start().calls() == [Self.call(.load), Self.call(.roles), Self.call(.domains)])
        var member = Self.machine(permissions: ["org:sys_memberships:read"])
        #expect(member.start().calls() == [Self.call(.load)])
    }

    @Test func theProfileSavesOnlyChangesWithAValidSlug() {
        var machine = Self.machine()
        _ = machine.update(OrganizationDetailsSection.open(.edit))
        #expect(machine.form[.organizationName] == "Acme Inc" && !machine.canSaveProfile)
        #expect(machine.update(.submit).isEmpty && machine.showsPage)  // nothing changed: closed without a call

        _ = machine.update(OrganizationDetailsSection.open(.edit))
        _ = machine.update(.textChanged(.organizationSlug, "Acme Inc"))
        #expect(!machine.canSaveProfile && machine.update(.submit).isEmpty)
        _ = machine.update(.textChanged(.organizationSlug, "acme-corp"))
        _ = machine.update(.textChanged(.organizationName, "Acme Corp"))
        let save = machine.update(.submit)
        #expect(save.calls() == [Self.call(.update(name: "Acme Corp", slug: "acme-corp"))])
        let renamed = F.organization("org_acme", "Acme Corp", slug: "acme-corp")
        _ = Self.answer(&machine, save, .success(.organization(renamed)))
        #expect(machine.organization.name == "Acme Corp" && machine.success == "The organization has been updated.")
    }

    @Test func leavingNeedsTheNameTypedAndEndsTheProfile() {
        var machine = Self.machine()
        _ = machine.update(LeaveOrganizationSection.open(.confirm))
        _ = machine.update(.textChanged(.confirmation, "acme inc"))
        #expect(machine.update(.submit).isEmpty)
        _ = machine.update(.textChanged(.confirmation, "Acme Inc"))
        let leave = machine.update(.submit)
        #expect(leave.calls() == [Self.call(.leave)])
        let last = Self.answer(&machine, leave, .failure(Fixtures.failure(
            "organization_minimum_permissions_needed", status: 403, message: "There has to be at least one admin.")))
        #expect(last.isEmpty && machine.notice == "There has to be at least one admin.")
        #expect(Self.answer(&machine, machine.update(.submit), .success(.done)).outcomes() == [.left])
    }

    @Test func deletingIsOfferedOnlyToThoseAllowedWhereTheOrganizationAllowsIt() {
        #expect(DeleteOrganizationSection.isOffered(Self.machine().subject))
        #expect(!DeleteOrganizationSection.isOffered(Self.machine(permissions: ["org:sys_profile:manage"]).subject))
    }

    @Test func theMembersPageListsMembersInvitationsAndRequests() {
        var machine = Self.machine()
        let load = machine.update(.showPage(.members))
        #expect(load.calls() == [
            Self.call(.members(query: "", offset: 0)), Self.call(.invitations(offset: 0)),
            Self.call(.membershipRequests(offset: 0)),
        ])
        var reader = Self.machine(permissions: ["org:sys_memberships:read"], domains: false)
        #expect(reader.update(.showPage(.members)).calls() == [Self.call(.members(query: "", offset: 0))])
    }

    @Test func aRoleChangeReloadsTheMembers() {
        var machine = Self.machine()
        _ = machine.update(.showPage(.members))
        let change = machine.update(MembersSection.act(.setRole(userID: "user_2", role: "org:admin")))
        #expect(change.calls() == [Self.call(.updateMember(userID: "user_2", role: "org:admin"))])
        let reload = Self.answer(&machine, change, .success(.membership(F.membership(F.acme))))
        #expect(reload.calls().contains(Self.call(.members(query: "", offset: 0))))
    }

    @Test func invitationsDropInvalidAddressesAndNeedARole() {
        #expect(InvitationsSection.addresses("a@b.co, nope  c@d.co,a@b.co x@") == ["a@b.co", "c@d.co"])
        var machine = Self.machine()
        _ = machine.update(InvitationsSection.open(.invite))
        _ = machine.update(.textChanged(.invitationAddresses, "bob@acme.test, carol@acme.test"))
        #expect(machine.update(.submit).isEmpty)  // no role chosen yet
        _ = machine.update(InvitationsSection.act(.chooseRole("org:member")))
        let invite = machine.update(.submit)
        #expect(invite.calls() == [
            Self.call(.invite(emailAddresses: ["bob@acme.test", "carol@acme.test"], role: "org:member"))
        ])
        let duplicate = PortalFailure.api(status: 400, errors: [ClerkAPIError(
            code: "duplicate_record", message: "duplicate", longMessage: "duplicate",
            meta: ErrorMeta(other: ["email_addresses": .array([.string("bob@acme.test")])]))])
        _ = Self.answer(&machine, invite, .failure(duplicate))
        #expect(machine.notice == "The invitations could not be sent. There are already pending invitations for the "
            + "following email addresses: bob@acme.test.")
    }

    @Test func aDomainIsAddedVerifiedByCodeThenGivenAnEnrollmentMode() {
        var machine = Self.machine()
        _ = machine.update(VerifiedDomainsSection.open(.add))
        _ = machine.update(.textChanged(.domainName, "acme.test"))
        let add = machine.update(.submit)
        #expect(add.calls() == [Self.call(.addDomain(name: "acme.test"))])
        _ = Self.answer(&machine, add, .success(.domain(Self.domain)))
        #expect(machine.step(of: VerifiedDomainsSection.self) == .verify(id: "dmn_1"))
        _ = machine.update(.textChanged(.affiliationLocalPart, "ada+clerk_test"))
        let prepare = machine.update(.submit)
        #expect(prepare.calls() == [Self.call(.prepareDomain(id: "dmn_1", emailAddress: "ada+clerk_test@acme.test"))])
        _ = Self.answer(&machine, prepare, .success(.domain(Self.domain)))
        let attempt = machine.update(.codeChanged("424242"))
        #expect(attempt.calls() == [Self.call(.attemptDomain(id: "dmn_1", code: "424242"))])
        _ = Self.answer(&machine, attempt, .success(.domain(Self.domain)))
        #expect(machine.step(of: VerifiedDomainsSection.self) == .enrollment(id: "dmn_1"))
        _ = machine.update(VerifiedDomainsSection.act(.chooseMode("automatic_suggestion")))
        _ = machine.update(VerifiedDomainsSection.act(.toggleDeletePending))
        #expect(machine.update(.submit).calls() == [
            Self.call(.enrollDomain(id: "dmn_1", mode: "automatic_suggestion", deletePending: true))
        ])
    }

    @Test func aDomainVerifiedAtOnceGoesStraightToItsEnrollmentMode() {
        var machine = Self.machine()
        _ = machine.update(VerifiedDomainsSection.open(.add))
        _ = machine.update(.textChanged(.domainName, "acme.test"))
        let add = machine.update(.submit)
        var verified = Self.domain
        verified.verification = .init(status: .verified, strategy: .emailCode)
        _ = Self.answer(&machine, add, .success(.domain(verified)))
        #expect(machine.step(of: VerifiedDomainsSection.self) == .enrollment(id: "dmn_1"))
    }

    @Test func noLongerAMemberEndsTheProfile() {
        var machine = Self.machine()
        var session = Fixtures.session("sess_a", identifier: "ada@acme.test")
        var user = Fixtures.user
        user.organizationMemberships = []
        session.user = user
        #expect(machine.update(.clientChanged(Fixtures.client([session], active: "sess_a"))).outcomes() == [.left])
    }
}
