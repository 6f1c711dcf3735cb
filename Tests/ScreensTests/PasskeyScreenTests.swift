import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

enum PasskeyFixtures {
    /// Acme with passkeys on: a first factor, "Use passkey instead" on the start card.
    static var environment: Environment {
        var environment = Fixtures.environment()
        environment.userSettings.attributes["passkey"] = .init(enabled: true, required: false, usedForFirstFactor: true)
        return environment
    }

    static let options = PublicKeyCredentialRequestOptions(
        allowCredentials: [], challenge: "Y2hhbGxlbmdl", rpId: "localhost", timeout: 300_000, userVerification: "preferred")
    static let challenged = Verification(status: .unverified, strategy: .passkey, nonce: options.webAuthnJSON())

    static let user: User = {
        var user = ProfileFixtures.user
        user.passkeys = [Passkey(id: "pk_1", name: "YubiKey 5", createdAt: Fixtures.date, updatedAt: Fixtures.date)]
        return user
    }()
}

/// Passkey sign-in where the security key first wants its PIN (1234); with `key: false`, no key is plugged in.
@Sendable func passkeyScript(key: Bool) -> @Sendable (BackendCall, Client?) -> (BackendOutcome, Client?) {
    { call, client in
        switch call {
        case .loadEnvironment: return (.success(.environment(PasskeyFixtures.environment)), client)
        case .loadClient: return (.success(.client(client)), client)
        case .createSignIn(let params) where params.strategy == .passkey:
            var signIn = Fixtures.signIn(.needsIdentifier, verification: PasskeyFixtures.challenged)
            signIn.identifier = nil
            signIn.supportedFirstFactors = nil
            return (.success(.signIn(signIn)), client)
        case .authenticator(.authenticate(_, _, let pin)):
            guard key else { return (.failure(.authenticator(.noDevice)), client) }
            return pin?.value == "1234"
                ? (.success(.publicKeyCredential("{}")), client) : (.failure(.authenticator(pin == nil ? .pinRequired : .pinInvalid)), client)
        case .attemptFirstFactor(_, let params) where params.strategy == .passkey:
            let signedIn = Fixtures.client([Fixtures.session("sess_a", "ada@acme.test", first: "Ada")], active: "sess_a")
            return (.success(.signIn(Fixtures.signIn(.complete, session: "sess_a"))), signedIn)
        default: return (.failure(.unavailable(reason: "unscripted")), client)
        }
    }
}

/// Ada with one passkey, whose removal needs a fresh first factor: her passkey.
@Sendable func passkeyProfileScript(_ call: BackendCall, _ client: Client?) -> (BackendOutcome, Client?) {
    var ada = Fixtures.session("sess_a", "ada@acme.test", first: "Ada")
    ada.user = PasskeyFixtures.user
    let signedIn = Fixtures.client([ada], active: "sess_a")
    switch call {
    case .loadEnvironment: return (.success(.environment(PasskeyFixtures.environment)), signedIn)
    case .loadClient: return (.success(.client(signedIn)), signedIn)
    case .profile(_, .loadUser): return (.success(.user(PasskeyFixtures.user)), signedIn)
    case .profile(_, .activeSessions): return (.success(.sessions(ProfileFixtures.devices)), signedIn)
    case .profile(_, .deletePasskey):
        let meta = ErrorMeta(other: ["reverification": .object(["level": .string("first_factor")])])
        let message = "You need to provide additional verification to perform this operation"
        return (.failure(.api(status: 403, errors: [
            ClerkAPIError(code: "session_reverification_required", message: message, longMessage: message, meta: meta)
        ])), signedIn)
    case .profile(_, .startVerification):
        return (.success(.verification(SessionVerification(
            level: .firstFactor, status: .needsFirstFactor,
            supportedFirstFactors: [Fixtures.password, Factor(strategy: .passkey)], session: ada))), signedIn)
    default: return (.failure(.unavailable(reason: "unscripted")), signedIn)
    }
}

@Suite struct PasskeyScreenTests {
    @Test func startCardOffersUsePasskeyInstead() async {
        let driver = await ScreenDriver(backend: ScriptedBackend(respond: passkeyScript(key: true)))
        driver.expectSnapshot("passkey-sign-in-start")
    }

    @Test func overSSHTheStartCardSaysWhyThereIsNoPasskey() async {
        let driver = await ScreenDriver(backend: ScriptedBackend(respond: passkeyScript(key: true)), passkeyAccess: .overSSH)
        driver.expectSnapshot("passkey-sign-in-over-ssh")
        #expect(!driver.frame.contains("Use passkey instead"))
    }

    @Test func theKeyAsksForItsPINThenSignsIn() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passkeyScript(key: true)))
        // Identifier, password, Continue, "Use phone", "Forgot password?", then "Use passkey instead".
        await driver.press(.tab, .tab, .tab, .tab, .tab, .enter)
        driver.expectSnapshot("passkey-sign-in-pin")
        await driver.type("1234")
        await driver.press(.enter)
        guard case .home = driver.screen.machine.route else {
            Issue.record("expected the home after the PIN, got \(driver.screen.machine.route)")
            return
        }
        #expect(!driver.frame.contains("1234"))
    }

    @Test func noSecurityKeyIsSaidPlainly() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passkeyScript(key: false)))
        await driver.press(.tab, .tab, .tab, .tab, .tab, .enter)
        driver.expectSnapshot("passkey-sign-in-no-key")
        #expect(driver.frame.contains("No security key found"))
    }

    @Test func securityPageOffersAddAPasskey() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passkeyProfileScript))
        await driver.press(.enter, .enter, .enter)
        driver.expectSnapshot("passkey-profile-security")
    }

    @Test func overSSHTheSecurityPageSaysWhyNoPasskeyCanBeAdded() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passkeyProfileScript), passkeyAccess: .overSSH)
        await driver.press(.enter, .enter, .enter)
        #expect(driver.frame.contains("Passkeys are not available over SSH"))
        #expect(!driver.frame.contains("Add a passkey"))
    }
}

extension PasskeyScreenTests {
    @Test func removingAPasskeyReverifiesWithAPasskeyFirst() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passkeyProfileScript))
        await driver.press(.enter, .enter, .enter)
        for _ in 0..<8 where !driver.frame.contains("› YubiKey 5") { await driver.press(.down) }
        await driver.press(.enter)
        for _ in 0..<4 where !driver.frame.contains("› Remove") { await driver.press(.down) }
        await driver.press(.enter)
        await driver.press(.enter)
        driver.expectSnapshot("passkey-reverification")
        #expect(await driver.backend.calls.contains(.profile(sessionID: "sess_a", .startVerification(level: .firstFactor))))
    }
}
