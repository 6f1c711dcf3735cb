import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

/// Answers for a password sign-in of ada@acme.test (password "Correct1", TOTP "123456").
@Sendable func passwordScript(_ call: BackendCall, _ client: Client?) -> (BackendOutcome, Client?) {
    let ada = Fixtures.session("sess_a", "ada@acme.test", first: "Ada")
    switch call {
    case .loadEnvironment:
        return (.success(.environment(Fixtures.environment())), client)
    case .loadClient:
        return (.success(.client(client)), client)
    case .createSignIn(let params) where params.identifier == "ada@acme.test":
        return (.success(.signIn(Fixtures.signIn(.needsFirstFactor))), client)
    case .createSignIn:
        return (.failure(Fixtures.failure("form_identifier_not_found", param: "identifier", message: "Couldn't find your account.")), client)
    case .attemptFirstFactor(_, let params) where params.password == "Correct1":
        let signedIn = Fixtures.client([ada], active: "sess_a")
        return (.success(.signIn(Fixtures.signIn(.complete, session: "sess_a"))), signedIn)
    case .attemptFirstFactor:
        return (.failure(Fixtures.failure("form_password_incorrect", param: "password", message: "Password is incorrect. Try again, or use another method.")), client)
    case .signOutAll:
        return (.success(.client(nil)), nil)
    default:
        return (.failure(.unavailable(reason: "unscripted")), client)
    }
}

@Suite struct SignInScreenTests {
    @Test func startCard() async {
        let driver = await ScreenDriver(backend: ScriptedBackend(respond: passwordScript))
        driver.expectSnapshot("sign-in-start")
    }

    @Test func passwordSignInReachesTheHome() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passwordScript))
        await driver.type("ada@acme.test")
        await driver.press(.enter)
        driver.expectSnapshot("sign-in-password")
        await driver.type("wrong-one")
        await driver.press(.enter)
        driver.expectSnapshot("sign-in-password-error")
        await driver.type("Correct1")
        await driver.press(.enter)
        driver.expectSnapshot("home")
        await driver.press(.enter)
        driver.expectSnapshot("home-menu")
        // Down past "Manage account" to "Sign out".
        await driver.press(.down, .enter)
        guard case .signIn = driver.screen.machine.route else {
            Issue.record("expected sign-in after signing out, got \(driver.screen.machine.route)")
            return
        }
        #expect(await driver.backend.calls.last == .signOutAll)
    }

    @Test func typedPasswordsNeverReachTheFrame() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passwordScript))
        await driver.type("ada@acme.test")
        await driver.press(.enter)
        await driver.type("hunter22")
        #expect(!driver.terminal.snapshot().contains("hunter22"))
        #expect(driver.terminal.snapshot().contains("••••••••"))
    }

    @Test func unknownIdentifierMovesToSignUp() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passwordScript))
        await driver.type("new@acme.test")
        await driver.press(.enter)
        driver.expectSnapshot("sign-up-transfer")
    }

    @Test func leadingPlusShowsThePhoneField() async {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: passwordScript))
        await driver.type("+1555")
        #expect(driver.terminal.snapshot().contains("Phone number"))
        #expect(driver.terminal.snapshot().contains("Use email"))
    }

    @Test func emailCodeCardCountsDownTheResend() async {
        let script: ScriptedBackend.Responder = { call, client in
            switch call {
            case .loadEnvironment: (.success(.environment(Fixtures.environment(preferred: "otp"))), client)
            case .loadClient: (.success(.client(nil)), nil)
            case .createSignIn, .prepareFirstFactor: (.success(.signIn(Fixtures.signIn(.needsFirstFactor))), client)
            case .attemptFirstFactor:
                (.failure(Fixtures.failure("form_code_incorrect", param: "code", message: "Incorrect code")), client)
            default: (.failure(.unavailable(reason: "unscripted")), client)
            }
        }
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: script))
        await driver.type("ada@acme.test")
        await driver.press(.enter)
        driver.expectSnapshot("sign-in-email-code")
        await driver.type("000000")
        driver.expectSnapshot("sign-in-email-code-wrong")
        #expect(await driver.backend.calls.contains(
            .attemptFirstFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .emailCode, code: "000000"))))
    }

    @Test func secondFactorAndAlternatives() async {
        let script: ScriptedBackend.Responder = { call, client in
            switch call {
            case .loadEnvironment: (.success(.environment(Fixtures.environment())), client)
            case .loadClient: (.success(.client(nil)), nil)
            case .createSignIn: (.success(.signIn(Fixtures.signIn(.needsFirstFactor))), client)
            case .attemptFirstFactor:
                (.success(.signIn(Fixtures.signIn(.needsSecondFactor, second: [Factor(strategy: .totp), Factor(strategy: .backupCode)]))), client)
            default: (.failure(.unavailable(reason: "unscripted")), client)
            }
        }
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: script))
        await driver.type("ada@acme.test")
        await driver.press(.enter)
        await driver.type("Correct1")
        await driver.press(.enter)
        driver.expectSnapshot("sign-in-totp")
        // Tab to "Use another method".
        await driver.press(.tab, .enter)
        driver.expectSnapshot("sign-in-second-factor-alternatives")
    }

    @Test func forgotPasswordListAndResetCard() async {
        let script: ScriptedBackend.Responder = { call, client in
            switch call {
            case .loadEnvironment: (.success(.environment(Fixtures.environment())), client)
            case .loadClient: (.success(.client(nil)), nil)
            case .createSignIn, .prepareFirstFactor: (.success(.signIn(Fixtures.signIn(.needsFirstFactor))), client)
            case .attemptFirstFactor:
                (.success(.signIn(Fixtures.signIn(.needsNewPassword,
                    verification: Verification(status: .verified, strategy: .resetPasswordEmailCode)))), client)
            default: (.failure(.unavailable(reason: "unscripted")), client)
            }
        }
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: script))
        await driver.type("ada@acme.test")
        await driver.press(.enter)
        // Password field, Continue, then "Forgot password?".
        await driver.press(.tab, .tab, .enter)
        driver.expectSnapshot("sign-in-forgot-password")
        await driver.press(.enter)
        driver.expectSnapshot("sign-in-reset-code")
        await driver.type("424242")
        await driver.type("abc")
        driver.expectSnapshot("sign-in-reset-password")
    }

    @Test func rateLimitAndUnreachableServer() async {
        let script: ScriptedBackend.Responder = { call, client in
            switch call {
            case .loadEnvironment: (.success(.environment(Fixtures.environment())), client)
            case .loadClient: (.success(.client(nil)), nil)
            case .createSignIn(let params) where params.identifier == "slow@acme.test":
                (.failure(.api(status: 429, errors: [], retryAfter: 42)), client)
            default: (.failure(.unavailable(reason: "connection refused")), client)
            }
        }
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: script))
        await driver.type("slow@acme.test")
        await driver.press(.enter)
        driver.expectSnapshot("sign-in-rate-limited")
    }

    @Test func unreachableInstanceOffersRetry() async {
        let driver = await ScreenDriver(backend: ScriptedBackend { _, client in (.failure(.unavailable(reason: "refused")), client) })
        driver.expectSnapshot("unavailable")
    }
}

@Suite struct OAuthScreenTests {
    static let script: ScriptedBackend.Responder = { call, client in
            var env = Fixtures.environment()
            env.userSettings.social = ["oauth_google": .init(enabled: true, strategy: "oauth_google", name: "Google")]
            switch call {
            case .loadEnvironment: return (.success(.environment(env)), client)
            case .loadClient: return (.success(.client(nil)), nil)
            case .createSignIn:
                var signIn = Fixtures.signIn(.needsFirstFactor)
                signIn.firstFactorVerification = Verification(
                    status: .unverified, strategy: .oauth(provider: "google"),
                    externalVerificationRedirectURL: "https://accounts.example/o/oauth2/auth?state=abc")
                return (.success(.signIn(signIn)), client)
            default: return (.failure(.unavailable(reason: "unscripted")), client)
            }
        }

    /// The sign-in card of an instance with Google, 72 columns wide.
    static func driver(height: Int) async -> ScreenDriver {
        await ScreenDriver(
            backend: ScriptedBackend(respond: script), size: Size(width: 72, height: height),
            oauthRedirectURL: "http://127.0.0.1:4000/oauth-done")
    }

    @Test func socialButtonsAndTheBrowserCard() async {
        var driver = await Self.driver(height: 44)
        driver.expectSnapshot("sign-in-start-social")  // typing goes to the email field, below the button
        await driver.press(.backTab, .enter)
        driver.expectSnapshot("sign-in-oauth")
    }

    /// Too short for the QR code: the link stays, said once, with a note on the size the code needs, and nothing
    /// scrolls.
    @Test func theBrowserCardWithoutRoomForTheCode() async {
        var driver = await Self.driver(height: 20)
        await driver.press(.backTab, .enter)
        driver.expectSnapshot("sign-in-oauth-small")
    }

    /// "Copy link" (focused first, or `c` from anywhere but a field) asks the terminal to copy the whole link and
    /// then reads "Copied!"; on the sign-in card, whose field takes `c` as text, nothing is copied.
    @Test func theBrowserCardCopiesItsLink() async {
        var driver = await Self.driver(height: 44)
        await driver.type("c")
        #expect(driver.copied.isEmpty)
        guard case .signIn(let signIn) = driver.screen.machine.route else { Issue.record("not signing in"); return }
        #expect(signIn.identifier == "c")
        #expect(!driver.offersCopy)
        await driver.press(.backspace, .backTab, .enter)
        #expect(driver.offersCopy)
        await driver.press(.enter)
        let link = "https://accounts.example/o/oauth2/auth?state=abc"
        #expect(driver.copied == [link])
        #expect(driver.frame.contains(Copy.copied))
        await driver.press(.tab)  // to "Back": `c` still copies
        await driver.type("c")
        #expect(driver.copied == [link, link])
    }
}
