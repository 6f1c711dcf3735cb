import FrontendAPI
import Testing

@testable import Portal

@Suite struct SignInStartTests {
    @Test func identifierKindsComeFromTheEnvironment() {
        var machine = SignInMachine.make()
        #expect(machine.config.identifierKinds == [.emailOrUsername, .phone])
        #expect(machine.identifierKind == .emailOrUsername)
        #expect(machine.nextIdentifierKind == .phone)
        _ = machine.update(.switchIdentifierKind)
        #expect(machine.identifierKind == .phone)
        #expect(machine.nextIdentifierKind?.switchLinkLabel == "Use email or username")
        _ = machine.update(.switchIdentifierKind)
        #expect(machine.identifierKind == .emailOrUsername)
    }

    @Test func emailOnlyInstanceHasNoToggle() {
        let env = Fixtures.environment(attributes: [
            "email_address": .init(enabled: true, usedForFirstFactor: true)
        ])
        var machine = SignInMachine.make(env)
        #expect(machine.config.identifierKinds == [.email])
        #expect(machine.nextIdentifierKind == nil)
        _ = machine.update(.switchIdentifierKind)
        #expect(machine.identifierKind == .email)
    }

    @Test func leadingPlusSwitchesToPhone() {
        var machine = SignInMachine.make()
        _ = machine.update(.identifierChanged("+1555"))
        #expect(machine.identifierKind == .phone)
        #expect(machine.identifier == "+1555")
    }

    @Test func submitCreatesASignInWithTheIdentifier() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier("  ada@acme.test ")
        #expect(effects.calls() == [.createSignIn(SignInParameters(identifier: "ada@acme.test", locale: "en-US"))])
        #expect(machine.isBusy)
        // A second press while the call runs does nothing.
        #expect(machine.update(.submit).isEmpty)
    }

    @Test func instantPasswordIsSentWithTheIdentifier() {
        var machine = SignInMachine.make()
        #expect(machine.config.instantPassword)
        _ = machine.update(.passwordChanged("hunter2!"))
        let effects = machine.submitIdentifier()
        #expect(
            effects.calls() == [
                .createSignIn(SignInParameters(strategy: .password, identifier: "ada@acme.test", password: "hunter2!", locale: "en-US"))
            ])
        let done = machine.answer(effects, signIn: Fixtures.signIn(.complete, sessionID: "sess_1"))
        #expect(done.outcomes() == [.signedIn(sessionID: "sess_1")])
        #expect(machine.step == .done)
    }

    @Test func wrongInstantPasswordSilentlyFallsBackToFactorOne() {
        var machine = SignInMachine.make()
        _ = machine.update(.passwordChanged("wrong"))
        let first = machine.submitIdentifier()
        let retry = machine.answer(first, .failure(Fixtures.failure("form_password_incorrect", param: "password")))
        #expect(retry.calls() == [.createSignIn(SignInParameters(identifier: "ada@acme.test", locale: "en-US"))])
        #expect(machine.errors.isEmpty)
        machine.answer(retry, signIn: Fixtures.signIn(.needsFirstFactor))
        #expect(machine.step == .password)
    }

    @Test func unknownIdentifierShowsAFieldErrorWithoutCombinedFlow() {
        var machine = SignInMachine.make(Fixtures.environment(mode: .restricted))
        #expect(!machine.config.combinedFlow)
        let effects = machine.submitIdentifier()
        machine.answer(effects, .failure(Fixtures.failure("form_identifier_not_found", param: "identifier")))
        #expect(machine.step == .start)
        #expect(machine.errors["identifier"] == "message for form_identifier_not_found")
        _ = machine.update(.identifierChanged("other@acme.test"))
        #expect(machine.errors["identifier"] == nil)
    }

    @Test func unknownIdentifierTransfersToSignUpInCombinedFlow() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier("new@acme.test")
        let done = machine.answer(effects, .failure(Fixtures.failure("form_identifier_not_found", param: "identifier")))
        #expect(done.outcomes() == [.transferToSignUp(identifier: "new@acme.test", attribute: .emailAddress)])
    }

    @Test func unknownPhoneTransfersAsPhoneNumber() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier("+15555550123")
        let done = machine.answer(effects, .failure(Fixtures.failure("form_identifier_not_found")))
        #expect(done.outcomes() == [.transferToSignUp(identifier: "+15555550123", attribute: .phoneNumber)])
    }

    @Test func unknownIdentifierGoesToTheWaitlistInWaitlistMode() {
        var machine = SignInMachine.make(Fixtures.environment(mode: .waitlist))
        let effects = machine.submitIdentifier("new@acme.test")
        let done = machine.answer(effects, .failure(Fixtures.failure("form_identifier_not_found")))
        #expect(done.outcomes() == [.joinWaitlist])
    }

    @Test func sessionExistsActivatesTheLastActiveSession() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier()
        let done = machine.answer(effects, .failure(Fixtures.failure("session_exists", status: 400)))
        #expect(done.outcomes() == [.activateExistingSession(id: nil)])
    }

    @Test func identifierAlreadySignedInActivatesThatSession() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier()
        let failure = Fixtures.failure("identifier_already_signed_in", status: 400, meta: ErrorMeta(sessionID: "sess_9"))
        let done = machine.answer(effects, .failure(failure))
        #expect(done.outcomes() == [.activateExistingSession(id: "sess_9")])
    }

    @Test func signUpLinkFinishesTheFlow() {
        var machine = SignInMachine.make()
        #expect(machine.update(.goToSignUp).outcomes() == [.signUp])
        var waitlist = SignInMachine.make(Fixtures.environment(mode: .waitlist))
        #expect(waitlist.update(.goToSignUp).outcomes() == [.joinWaitlist])
    }

    @Test func protectCheckIsExplainedAsUnsupported() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier()
        machine.answer(effects, signIn: Fixtures.signIn(.needsProtectCheck))
        #expect(machine.step == .start)
        #expect(machine.notice == Copy.Errors.protectCheckUnsupported)
    }

    @Test func noUsableFactorShowsCannotSignIn() {
        // Over SSH a passkey cannot reach the visitor's security key: a passkey-only user has no way in here.
        var config = SignInConfig(environment: Fixtures.environment())
        config.passkeyAccess = .overSSH
        var machine = SignInMachine(config: config, scope: 1)
        let effects = machine.submitIdentifier()
        machine.answer(effects, signIn: Fixtures.signIn(.needsFirstFactor, first: [Factor(strategy: .passkey)]))
        #expect(machine.step == .noAvailableMethods)
    }

    @Test func forgotPasswordOnStartOpensTheResetList() {
        var machine = SignInMachine.make()
        _ = machine.update(.identifierChanged("ada@acme.test"))
        let effects = machine.update(.forgotPassword)
        #expect(effects.calls() == [.createSignIn(SignInParameters(identifier: "ada@acme.test", locale: "en-US"))])
        machine.answer(effects, signIn: Fixtures.signIn(.needsFirstFactor))
        #expect(machine.step == .alternatives(.forgotPassword))
        #expect(machine.resetPasswordFactor == Fixtures.resetEmail)
    }
}

@Suite struct LastUsedBadgeTests {
    @Test func badgeFollowsTheLastStrategyWhenThereIsAChoice() {
        var config = SignInConfig(environment: Fixtures.environment())
        #expect(config.lastUsed == nil)
        config.lastAuthenticationStrategy = "email_code"
        #expect(config.lastUsed == .identifier)
        config.socialProviders = [SocialProvider(strategy: .oauth(provider: "google"), name: "Google")]
        config.lastAuthenticationStrategy = "oauth_google"
        #expect(config.lastUsed == .provider(.oauth(provider: "google")))
    }

    @Test func noBadgeWithASingleMethod() {
        let env = Fixtures.environment(attributes: ["email_address": .init(enabled: true, usedForFirstFactor: true)])
        var config = SignInConfig(environment: env)
        config.lastAuthenticationStrategy = "password"
        #expect(config.lastUsed == nil)
    }
}
