import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

/// Ada in Acme Inc (admin), invited to Initech, suggested Hooli, with organizations on.
@Sendable func organizationScript(_ call: BackendCall, _ client: Client?) -> (BackendOutcome, Client?) {
    let acme = Organization(
        id: "org_acme", name: "Acme Inc", slug: "acme-inc", maxAllowedMemberships: 5, adminDeleteEnabled: true,
        createdAt: Fixtures.date, updatedAt: Fixtures.date)
    let membership = OrganizationMembership(
        id: "orgmem_1", role: "org:admin", roleName: "Admin",
        permissions: ["org:sys_profile:manage", "org:sys_memberships:read", "org:sys_memberships:manage",
                      "org:sys_domains:read", "org:sys_domains:manage"],
        organization: acme, publicUserData: PublicUserData(imageURL: "", hasImage: false, identifier: "ada@acme.test", userID: "user_1"),
        createdAt: Fixtures.date, updatedAt: Fixtures.date)
    let bob = OrganizationMembership(
        id: "orgmem_2", role: "org:member", roleName: "Member", organization: acme,
        publicUserData: PublicUserData(firstName: "Bob", lastName: "Stone", imageURL: "", hasImage: false,
                                       identifier: "bob@acme.test", userID: "user_2"),
        createdAt: Fixtures.date, updatedAt: Fixtures.date)
    let admin = Role(id: "role_1", name: "Admin", key: "org:admin", description: "", isCreatorEligible: true, permissions: [],
                     createdAt: Fixtures.date, updatedAt: Fixtures.date)
    let member = Role(id: "role_2", name: "Member", key: "org:member", description: "", isCreatorEligible: false,
                      permissions: [], createdAt: Fixtures.date, updatedAt: Fixtures.date)
    let domain = OrganizationDomain(
        id: "dmn_1", organizationID: "org_acme", name: "acme.test", enrollmentMode: "automatic_suggestion",
        verification: .init(status: .verified, strategy: "email_code"), totalPendingInvitations: 0,
        totalPendingSuggestions: 0, createdAt: Fixtures.date, updatedAt: Fixtures.date)
    var ada = Fixtures.session("sess_a", "ada@acme.test", first: "Ada")
    ada.lastActiveOrganizationID = "org_acme"
    var user = User(
        id: "user_1", imageURL: "", passwordEnabled: true, twoFactorEnabled: false, totpEnabled: false,
        backupCodeEnabled: false, deleteSelfEnabled: true, createOrganizationEnabled: true, createdAt: Fixtures.date,
        updatedAt: Fixtures.date)
    user.organizationMemberships = [membership]
    ada.user = user
    let signedIn = Fixtures.client([ada], active: "sess_a")
    var environment = Fixtures.environment()
    environment.organizationSettings = OrganizationSettings(enabled: true)
    let invitation = OrganizationInvitation(
        id: "orginv_1", emailAddress: "ada@acme.test", role: "org:member", roleName: "Member",
        publicOrganizationData: PublicOrganizationData(id: "org_initech", name: "Initech", hasImage: false),
        status: "pending", createdAt: Fixtures.date, updatedAt: Fixtures.date)
    let suggestion = OrganizationSuggestion(
        id: "orgsugg_1", publicOrganizationData: PublicOrganizationData(id: "org_hooli", name: "Hooli", hasImage: false),
        status: "accepted", createdAt: Fixtures.date, updatedAt: Fixtures.date)
    switch call {
    case .loadEnvironment: return (.success(.environment(environment)), signedIn)
    case .loadClient: return (.success(.client(signedIn)), signedIn)
    case .organizations(_, .memberships):
        return (.success(.memberships(PaginatedList(data: [membership], totalCount: 1))), signedIn)
    case .organizations(_, .invitations):
        return (.success(.invitations(PaginatedList(data: [invitation], totalCount: 1))), signedIn)
    case .organizations(_, .suggestions):
        return (.success(.suggestions(PaginatedList(data: [suggestion], totalCount: 1))), signedIn)
    case .organization(_, _, .load): return (.success(.organization(acme)), signedIn)
    case .organization(_, _, .roles): return (.success(.roles(PaginatedList(data: [admin, member], totalCount: 2))), signedIn)
    case .organization(_, _, .domains): return (.success(.domains(PaginatedList(data: [domain], totalCount: 1))), signedIn)
    case .organization(_, _, .members):
        return (.success(.memberships(PaginatedList(data: [membership, bob], totalCount: 2))), signedIn)
    case .organization(_, _, .invitations):
        return (.success(.invitations(PaginatedList(data: [invitation], totalCount: 1))), signedIn)
    case .organization(_, _, .membershipRequests):
        return (.success(.membershipRequests(PaginatedList(data: [], totalCount: 0))), signedIn)
    default: return (.failure(.unavailable(reason: "unscripted")), signedIn)
    }
}

@Suite struct OrganizationScreenTests {
    @Test func theHomeShowsTheActiveOrganizationWithItsBadge() async {
        let driver = await ScreenDriver(backend: ScriptedBackend(respond: organizationScript))
        driver.expectSnapshot("home-organizations")
    }

    @Test func theSwitcherListsAccountsInvitationsAndSuggestions() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: organizationScript))
        await driver.press(.down, .enter)
        driver.expectSnapshot("organization-switcher")
    }

    @Test func createOrganizationDerivesTheSlug() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: organizationScript))
        await driver.press(.down, .enter)
        // From "Acme Inc · Manage": Personal account, Initech, then "+ Create organization" ("Pending approval" is
        // not a choice).
        await driver.press(.down, .down, .down, .enter)
        await driver.type("Globex Corp")
        driver.expectSnapshot("organization-create")
    }

    @Test func organizationProfileGeneralAndMembersPages() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: organizationScript))
        await driver.press(.down, .down, .enter)
        driver.expectSnapshot("organization-profile-general")
        await driver.press(.enter)
        driver.expectSnapshot("organization-profile-members")
        // Search, then Bob's card: his role and removal.
        await driver.press(.down, .down, .enter)
        driver.expectSnapshot("organization-profile-member")
    }
}
