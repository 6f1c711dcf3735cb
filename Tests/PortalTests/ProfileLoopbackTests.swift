import Foundation
import FrontendAPI
import FrontendServer
import Testing

@testable import Portal

/// The UserProfile machine driven against the real local Frontend API over loopback, through the real client:
/// what the tmux tests cannot reach because it needs the server's clock moved (reverification after 10 minutes).
@Suite struct ProfileLoopbackTests {
    static let password = "correct-horse-battery-staple-42"

    /// Runs every effect the way the portal's runtime does, until the machine asks for nothing more.
    static func run(_ machine: inout ProfileMachine, _ effects: [ProfileMachine.Effect], on backend: Backend)
        async
    {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            guard case .call(let id, let call) = effect else { continue }
            let outcome = await backend.perform(call)
            pending += machine.update(.clientChanged(await backend.currentClient()))
            pending += machine.update(.response(id, outcome))
        }
    }

    /// Runs `body` against a fresh local Frontend API on loopback, then stops the server, waits for it to stop and
    /// removes its data, whether `body` returned or threw: no server outlives its test.
    static func withRunningServer(clock: ManualClock, _ body: (LocalServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "profile-loopback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var settings = InstanceSettings()
        settings.password.hashCost = 10
        let server = try await LocalServer.start(LocalServerConfiguration(dataDirectory: directory, settings: settings, clock: clock))
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

    @Test func aStalePasswordChangeReverifiesWithThePasswordThenGoesThrough() async throws {
        let clock = ManualClock()
        try await Self.withRunningServer(clock: clock) { server in
            let url = URL(string: server.baseURL)!
            let client = FrontendClient(instance: .local(baseURL: url), tokenStore: MemoryTokenStore())
            let backend = Backend.frontend(client)

            let created = try await client.createSignUp(SignUpParameters(password: SecretText(Self.password), emailAddress: "ada+clerk_test@example.com"))
            _ = try await client.prepareSignUpVerification(signUpID: created.id, strategy: .emailCode)
            let signedUp = try await client.attemptSignUpVerification(signUpID: created.id, strategy: .emailCode, code: "424242")
            let sessionID = try #require(signedUp.createdSessionID)
            let environment = try await client.environment()

            var machine = ProfileMachine(
                sessionID: sessionID, client: await backend.currentClient(),
                config: ProfileConfig(environment: environment, localFiles: false), scope: 1)
            await Self.run(&machine, machine.start(), on: backend)
            #expect(machine.user?.passwordEnabled == true)

            clock.advance(by: 11 * 60)  // the sign-in's factor is now older than Clerk's 10 minutes
            _ = machine.update(PasswordSection.open(.change))
            _ = machine.update(.newPassword(.password("brand-new-horse-staple-73")))
            _ = machine.update(.newPassword(.confirmation("brand-new-horse-staple-73")))
            await Self.run(&machine, machine.update(.submit), on: backend)
            #expect(machine.reverification != nil)
            #expect(machine.reverification?.level == .firstFactor)
            #expect(machine.reverification?.factor?.strategy == .password)

            _ = machine.update(.currentPasswordChanged("not-my-password"))
            await Self.run(&machine, machine.update(.submit), on: backend)
            #expect(machine.reverification != nil && machine.errors["password"] != nil)

            _ = machine.update(.currentPasswordChanged(SecretText(Self.password)))
            await Self.run(&machine, machine.update(.submit), on: backend)
            #expect(machine.showsPage)
            #expect(machine.success?.hasPrefix("Your password has been updated.") == true)

            let other = FrontendClient(instance: .local(baseURL: url), tokenStore: MemoryTokenStore())
            let signIn = try await other.createSignIn(
                SignInParameters(strategy: .password, identifier: "ada+clerk_test@example.com", password: "brand-new-horse-staple-73"))
            #expect(signIn.status == .complete)
        }
    }
}
