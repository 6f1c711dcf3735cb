import FrontendAPI
import Testing

@testable import Portal

@Suite struct SignInOAuthTests {
    static let google = SocialProvider(strategy: .oauth(provider: "google"), name: "Google")
    static let providerURL = "https://accounts.example/authorize?state=abc"

    static func environment() -> Environment {
        var env = Fixtures.environment()
        env.userSettings.social = [
            "oauth_google": .init(enabled: true, strategy: "oauth_google", name: "Google"),
            "oauth_github": .init(enabled: false, strategy: "oauth_github", name: "GitHub"),
        ]
        return env
    }

    static func machine() -> SignInMachine {
        SignInMachine(
            config: SignInConfig(environment: environment(), oauthRedirectURL: "http://127.0.0.1:4000/oauth-done"),
            scope: 1)
    }

    static func pending(_ verification: Verification) -> SignIn {
        var signIn = Fixtures.signIn(.needsFirstFactor, first: [Factor(strategy: .oauth(provider: "google"))])
        signIn.firstFactorVerification = verification
        return signIn
    }

    static let unverified = Verification(
        status: .unverified, strategy: .oauth(provider: "google"), externalVerificationRedirectURL: providerURL)

    /// A machine waiting for the browser.
    static func waiting() -> SignInMachine {
        var machine = Self.machine()
        let create = machine.update(.continueWith(google))
        machine.answer(create, signIn: pending(unverified))
        return machine
    }

    @Test func providersNeedARedirectURL() {
        #expect(Self.machine().config.socialProviders == [Self.google])
        #expect(SignInMachine.make(Self.environment()).config.socialProviders.isEmpty)
    }

    @Test func socialSignInOpensTheBrowserAndPolls() {
        var machine = Self.machine()
        let create = machine.update(.continueWith(Self.google))
        #expect(
            create.calls() == [
                .createSignIn(
                    SignInParameters(strategy: .oauth(provider: "google"), redirectURL: "http://127.0.0.1:4000/oauth-done", locale: "en-US"))
            ])
        let started = machine.answer(create, signIn: Self.pending(Self.unverified))
        #expect(machine.step == .oauth(provider: "Google", url: Self.providerURL))
        #expect(started.first == .openExternally(Self.providerURL))
        #expect(started.contains(.startTimer(TimerID(scope: 1, kind: .poll), every: .seconds(1), repeats: true)))
        let poll = machine.fire(.poll)
        #expect(poll.calls() == [.reloadSignIn(id: "sia_1")])
        #expect(machine.answer(poll, signIn: Self.pending(Self.unverified)).isEmpty)
        let done = machine.answer(machine.fire(.poll), signIn: Fixtures.signIn(.complete, sessionID: "sess_o"))
        #expect(done.outcomes() == [.signedIn(sessionID: "sess_o")])
    }

    @Test func unknownAccountTransfersToSignUp() {
        var machine = Self.waiting()
        let transferable = Verification(status: .transferable, strategy: .oauth(provider: "google"))
        let done = machine.answer(machine.fire(.poll), signIn: Self.pending(transferable))
        #expect(done.outcomes() == [.transferOAuthToSignUp])
        #expect(done.contains(.cancelTimer(TimerID(scope: 1, kind: .poll))))
    }

    @Test func providerErrorsAreReplayedOnTheStartCard() {
        var machine = Self.waiting()
        let denied = Verification(
            status: .failed, strategy: .oauth(provider: "google"),
            error: ClerkAPIError(code: "oauth_access_denied", message: "denied", longMessage: "You did not grant access."))
        machine.answer(machine.fire(.poll), signIn: Self.pending(denied))
        #expect(machine.step == .start)
        #expect(machine.notice == "You did not grant access.")

        var other = Self.waiting()
        let odd = Verification(
            status: .failed, strategy: .oauth(provider: "google"),
            error: ClerkAPIError(code: "something_new", message: "x", longMessage: "x"))
        other.answer(other.fire(.poll), signIn: Self.pending(odd))
        #expect(other.notice == Copy.Errors.unableToComplete)
    }

    @Test func mfaAfterTheBrowserAsksForTheSecondFactor() {
        var machine = Self.waiting()
        machine.answer(machine.fire(.poll), signIn: Fixtures.signIn(.needsSecondFactor, second: [Fixtures.totp]))
        #expect(machine.step == .code(.secondFactor))
    }

    @Test func backStopsWaiting() {
        var machine = Self.waiting()
        let back = machine.update(.back)
        #expect(machine.step == .start)
        #expect(back.contains(.cancelTimer(TimerID(scope: 1, kind: .poll))))
        #expect(machine.fire(.poll).isEmpty)
    }

    @Test func transferCreatesTheSignUp() {
        let (machine, effects) = SignUpMachine.oauthTransfer(config: SignUpConfig(environment: Fixtures.environment()), scope: 2)
        #expect(effects.calls() == [.createSignUp(SignUpParameters(transfer: true, locale: "en-US"))])
        #expect(machine.isBusy)
    }
}
