import FrontendAPI
import Testing

@testable import Portal

/// The "API keys" pages of UserProfile and OrganizationProfile.
@Suite struct APIKeysSectionTests {
    typealias Keys = APIKeysSection<ProfileMachine>
    typealias OrganizationKeys = APIKeysSection<OrganizationProfileMachine>

    static func key(_ id: String, _ name: String, secret: String? = nil) -> APIKey {
        APIKey(id: id, subject: "user_1", name: name, secret: secret, createdAt: Fixtures.date, updatedAt: Fixtures.date)
    }

    static func profile() -> ProfileMachine {
        var config = ProfileMachineTests.config()
        config.apiKeys = true
        return ProfileMachineTests.machine(config: config)
    }

    static func call(_ call: APIKeysCall) -> BackendCall { .apiKeys(sessionID: "sess_a", call) }

    @Test func thePageListsTheUsersKeys() {
        var machine = Self.profile()
        let load = machine.update(.showPage(.apiKeys))
        #expect(load.calls() == [Self.call(.list(subject: Fixtures.user.id))])
        _ = ProfileMachineTests.answer(&machine, load, .success(.apiKeys(PaginatedList(data: [Self.key("ak_1", "CI")], totalCount: 1))))
        #expect(machine.sections[Keys.self].keys.map(\.name) == ["CI"])
    }

    @Test func aNewKeyShowsItsSecretOnceThenForgetsIt() {
        var machine = Self.profile()
        _ = machine.update(.showPage(.apiKeys))
        _ = machine.update(Keys.open(.create))
        #expect(machine.update(.submit).calls().isEmpty)  // a name is required
        _ = machine.update(.textChanged(.apiKeyName, " Deploy "))
        _ = machine.update(Keys.act(.chooseExpiration(.days30)))
        let create = machine.update(.submit)
        let expected = APIKeysCall.create(subject: Fixtures.user.id, name: "Deploy", description: nil, secondsUntilExpiration: 2_592_000)
        #expect(create.calls() == [Self.call(expected)])
        let reload = ProfileMachineTests.answer(&machine, create, .success(.apiKey(Self.key("ak_2", "Deploy", secret: "ak_secret"))))
        #expect(reload.calls() == [Self.call(.list(subject: Fixtures.user.id))])
        #expect(machine.step(of: Keys.self) == .copySecret)
        #expect(machine.sections[Keys.self].created?.secret == SecretText("ak_secret"))
        #expect(!String(describing: machine.sections[Keys.self]).contains("ak_secret"))
        _ = machine.update(.submit)
        #expect(machine.showsPage && machine.sections[Keys.self].created == nil)
        #expect(machine.sections[Keys.self].expiration == .never)
    }

    @Test func revokingAsksForTheWordRevoke() {
        var machine = Self.profile()
        let load = machine.update(.showPage(.apiKeys))
        _ = ProfileMachineTests.answer(&machine, load, .success(.apiKeys(PaginatedList(data: [Self.key("ak_1", "CI")], totalCount: 1))))
        _ = machine.update(Keys.open(.revoke(id: "ak_1")))
        _ = machine.update(.textChanged(.revokeConfirmation, "revoke"))
        #expect(machine.update(.submit).calls().isEmpty)
        _ = machine.update(.textChanged(.revokeConfirmation, "Revoke"))
        let revoke = machine.update(.submit)
        #expect(revoke.calls() == [Self.call(.revoke(id: "ak_1"))])
        let reload = ProfileMachineTests.answer(&machine, revoke, .success(.apiKey(Self.key("ak_1", "CI"))))
        #expect(machine.showsPage && reload.calls() == [Self.call(.list(subject: Fixtures.user.id))])
    }

    @Test func aRefusedNameLandsUnderTheField() {
        var machine = Self.profile()
        _ = machine.update(Keys.open(.create))
        _ = machine.update(.textChanged(.apiKeyName, "x"))
        let create = machine.update(.submit)
        _ = ProfileMachineTests.answer(&machine, create, .failure(Fixtures.failure("form_param_format_invalid", param: "name")))
        #expect(machine.errors["name"] == "message for form_param_format_invalid")
        #expect(machine.step(of: Keys.self) == .create)
    }

    @Test func withoutUserKeysThePageLoadsNothing() {
        var machine = ProfileMachineTests.machine()
        #expect(machine.update(.showPage(.apiKeys)).calls().isEmpty)
    }

    static func organization(_ permissions: [String]) -> OrganizationProfileMachine {
        var machine = OrganizationProfileMachineTests.machine(permissions: permissions)
        var config = machine.config
        config.apiKeys = true
        var membership = machine.membership
        membership.permissions = permissions
        machine = OrganizationProfileMachine(sessionID: "sess_a", userID: "user_1", membership: membership, config: config, scope: 9)
        return machine
    }

    @Test func organizationKeysFollowTheMembersPermissions() {
        var reader = Self.organization(["org:sys_api_keys:read"])
        #expect(reader.update(.showPage(.apiKeys)).calls() == [Self.call(.list(subject: "org_acme"))])
        _ = reader.update(OrganizationKeys.open(.create))
        _ = reader.update(.textChanged(.apiKeyName, "Deploy"))
        #expect(reader.update(.submit).calls().isEmpty)

        var manager = Self.organization(["org:sys_api_keys:read", "org:sys_api_keys:manage"])
        _ = manager.update(OrganizationKeys.open(.create))
        _ = manager.update(.textChanged(.apiKeyName, "Deploy"))
        let create = APIKeysCall.create(subject: "org_acme", name: "Deploy", description: nil, secondsUntilExpiration: nil)
        #expect(manager.update(.submit).calls() == [Self.call(create)])

        var outsider = Self.organization([])
        #expect(outsider.update(.showPage(.apiKeys)).calls().isEmpty)
    }
}
