import Foundation
import FrontendAPI
import FrontendServer
import Testing

@testable import Portal

/// The portal's organization flows driven against the real local Frontend API over loopback, through the real client:
/// the switcher creates an organization and makes it active (the token follows), and OrganizationProfile invites a
/// member who then shows among the pending invitations.
@Suite struct OrganizationLoopbackTests {
    /// Runs every call the portal asks for, the way its runtime does, until it asks for nothing more.
    static func run(_ machine: inout PortalMachine, _ effects: [PortalMachine.Effect], on backend: Backend) async {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            guard case .call(let id, let call) = effect else { continue }
            let outcome = await backend.perform(call)
            pending += machine.update(.clientChanged(await backend.currentClient()))
            pending += machine.update(.response(id, outcome))
        }
    }

    static func withOrganizationsServer(_ body: (LocalServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "organization-loopback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var settings = InstanceSettings()
        settings.password.hashCost = 10
        settings.organizations.enabled = true
        let server = try await LocalServer.start(LocalServerConfiguration(dataDirectory: directory, settings: settings))
        let outcome: Result<Void, any Error>
        do {
            try await body(server)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        await server.stop()
        try outcome.get()
    }

    @Test func anOrganizationCreatedFromTheSwitcherIsActiveAndInvitesFromItsProfile() async throws {
        try await Self.withOrganizationsServer { server in
            let client = FrontendClient(instance: .local(baseURL: URL(string: server.baseURL)!), tokenStore: MemoryTokenStore())
            let backend = Backend.frontend(client)
            let created = try await client.createSignUp(
                SignUpParameters(password: "correct-horse-battery-staple-42", emailAddress: "ada+clerk_test@example.com"))
            _ = try await client.prepareSignUpVerification(signUpID: created.id, strategy: .emailCode)
            _ = try await client.attemptSignUpVerification(signUpID: created.id, strategy: .emailCode, code: "424242")

            var portal = PortalMachine()
            await Self.run(&portal, portal.update(.start), on: backend)
            await Self.run(&portal, portal.update(.account(.openOrganizations)), on: backend)
            _ = portal.update(.organizations(.create))
            _ = portal.update(.organizations(.fieldChanged(.name, "Acme Inc")))
            await Self.run(&portal, portal.update(.organizations(.submit)), on: backend)
            guard case .home(let home) = portal.route else {
                Issue.record("expected the home, got \(portal.route)")
                return
            }
            #expect(home.activeMembership?.organization.slug == "acme-inc" && home.activeMembership?.role == "org:admin")
            let jwt = try #require(try await client.getToken())
            #expect(SessionJWT(jwt)?.organizationID == home.activeMembership?.organization.id)

            await Self.run(&portal, portal.update(.account(.manageOrganization)), on: backend)
            await Self.run(&portal, portal.update(.organizationProfile(.showPage(.members))), on: backend)
            _ = portal.update(.organizationProfile(InvitationsSection.open(.invite)))
            _ = portal.update(.organizationProfile(.textChanged(.invitationAddresses, "bob@example.com, not-an-address")))
            _ = portal.update(.organizationProfile(InvitationsSection.act(.chooseRole("org:member"))))
            await Self.run(&portal, portal.update(.organizationProfile(.submit)), on: backend)
            guard case .organizationProfile(let profile) = portal.route else {
                Issue.record("expected OrganizationProfile, got \(portal.route)")
                return
            }
            #expect(profile.success == "Invitations successfully sent")
            #expect(profile.sections[InvitationsSection.self].invitations.map(\.emailAddress) == ["bob@example.com"])
            #expect(profile.sections[MembersSection.self].members.count == 1)
        }
    }
}
