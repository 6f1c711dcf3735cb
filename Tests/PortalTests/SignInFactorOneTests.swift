import FrontendAPI
import Testing

@testable import Portal

@Suite struct SignInFactorOneTests {
    /// A machine on the card for `signIn`'s starting factor.
    static func machine(
        _ signIn: SignIn = Fixtures.signIn(.needsFirstFactor), env: Environment = Fixtures.environment()
    ) -> (SignInMachine, [SignInMachine.Effect]) {
        var machine = SignInMachine.make(env)
        let effects = machine.answer(machine.submitIdentifier(), signIn: signIn)
        return (machine, effects)
    }

    @Test func passwordCompletesTheSignIn() {
        var (machine, _) = Self.machine()
        #expect(machine.step == .password)
        #expect(machine.identityPreview == "ada@acme.test")
        _ = machine.update(.passwordChanged("correct horse"))
        let effects = machine.update(.submit)
        #expect(
            effects.calls() == [
                .attemptFirstFactor(
                    signInID: "sia_1", AttemptFactorParameters(strategy: .password, password: "correct horse"))
            ])
        let done = machine.answer(effects, signIn: Fixtures.signIn(.complete, sessionID: "sess_1"))
        #expect(done.outcomes() == [.signedIn(sessionID: "sess_1")])
    }

    @Test func wrongPasswordIsAFieldErrorAndClearsTheField() {
        var (machine, _) = Self.machine()
        _ = machine.update(.passwordChanged("nope"))
        let effects = machine.update(.submit)
        machine.answer(effects, .failure(Fixtures.failure("form_password_incorrect", param: "password")))
        #expect(machine.step == .password)
        #expect(machine.errors["password"] == "message for form_password_incorrect")
        #expect(machine.password.isEmpty)
    }

    @Test func pwnedPasswordLeadsToResetWithoutWayBack() {
        var (machine, _) = Self.machine()
        _ = machine.update(.passwordChanged("password1"))
        let effects = machine.update(.submit)
        machine.answer(effects, .failure(Fixtures.failure("form_password_pwned", param: "password")))
        #expect(machine.step == .alternatives(.passwordCompromised))
        #expect(machine.notice == Copy.Errors.passwordPwnedSignIn)
        #expect(!machine.alternativesCanGoBack)
        #expect(machine.update(.back).isEmpty)
        #expect(machine.step == .alternatives(.passwordCompromised))
    }

    @Test func userLockedReturnsToStartWithTheTimeLeft() {
        var (machine, _) = Self.machine()
        _ = machine.update(.passwordChanged("nope"))
        let effects = machine.update(.submit)
        let locked = Fixtures.failure(
            "user_locked", status: 403, message: "Your account is locked.",
            meta: ErrorMeta(lockoutExpiresInSeconds: 90))
        let after = machine.answer(effects, .failure(locked))
        #expect(machine.step == .start)
        #expect(machine.lockoutSeconds == 90)
        #expect(machine.notice == "Your account is locked. You will be able to try again in 1 minute 30 seconds. "
            + "For more information, please contact support.")
        #expect(after.contains(.startTimer(TimerID(scope: 1, kind: .lockout), every: .seconds(1), repeats: true)))
        machine.fire(.lockout, times: 89)
        #expect(machine.lockoutSeconds == 1)
        let last = machine.fire(.lockout)
        #expect(machine.lockoutSeconds == nil)
        #expect(machine.notice == nil)
        #expect(last == [.cancelTimer(TimerID(scope: 1, kind: .lockout))])
    }

    @Test func otpPreferenceStartsWithTheEmailCodeAndSendsIt() {
        let (machine, effects) = Self.machine(env: Fixtures.environment(preferred: "otp"))
        #expect(machine.step == .code(.firstFactor))
        #expect(machine.codeFactor == Fixtures.emailCode)
        #expect(
            effects.calls() == [
                .prepareFirstFactor(
                    signInID: "sia_1", PrepareFactorParameters(strategy: .emailCode, emailAddressID: "idn_email"))
            ])
        #expect(effects.contains(.startTimer(TimerID(scope: 1, kind: .resendCooldown), every: .seconds(1), repeats: true)))
        #expect(machine.resendSeconds == 30)
    }

    @Test func codeIsNotResentWhileOneIsPending() {
        let pending = Fixtures.signIn(
            .needsFirstFactor, firstVerification: Fixtures.verification(.emailCode, .unverified))
        var (machine, effects) = Self.machine(pending, env: Fixtures.environment(preferred: "otp"))
        #expect(effects.calls().isEmpty)
        // Resend stays disabled during the 30 s countdown.
        #expect(machine.update(.resend).isEmpty)
        machine.fire(.resendCooldown, times: 29)
        #expect(machine.resendSeconds == 1)
        #expect(machine.update(.resend).isEmpty)
        let last = machine.fire(.resendCooldown)
        #expect(last == [.cancelTimer(TimerID(scope: 1, kind: .resendCooldown))])
        let resent = machine.update(.resend)
        #expect(
            resent.calls() == [
                .prepareFirstFactor(
                    signInID: "sia_1", PrepareFactorParameters(strategy: .emailCode, emailAddressID: "idn_email"))
            ])
        #expect(machine.resendSeconds == 30)
    }

    @Test func sixDigitsSubmitByThemselves() {
        var (machine, effects) = Self.machine(env: Fixtures.environment(preferred: "otp"))
        machine.answer(effects, signIn: Fixtures.signIn(.needsFirstFactor))
        #expect(machine.update(.codeChanged("12345")).isEmpty)
        let attempt = machine.update(.codeChanged("123456"))
        #expect(
            attempt.calls() == [
                .attemptFirstFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .emailCode, code: "123456"))
            ])
        let done = machine.answer(attempt, signIn: Fixtures.signIn(.complete, sessionID: "sess_2"))
        #expect(done.outcomes() == [.signedIn(sessionID: "sess_2")])
    }

    @Test func wrongCodeShowsAFieldErrorAndClearsTheCode() {
        var (machine, prepare) = Self.machine(env: Fixtures.environment(preferred: "otp"))
        machine.answer(prepare, signIn: Fixtures.signIn(.needsFirstFactor))
        let attempt = machine.update(.codeChanged("000000"))
        machine.answer(attempt, .failure(Fixtures.failure("form_code_incorrect", param: "code")))
        #expect(machine.step == .code(.firstFactor))
        #expect(machine.errors["code"] == "message for form_code_incorrect")
        #expect(machine.code.isEmpty)
        _ = machine.update(.codeChanged("1"))
        #expect(machine.errors["code"] == nil)
    }

    @Test func useAnotherMethodListsTheOtherFactors() {
        let signIn = Fixtures.signIn(
            .needsFirstFactor, first: [Fixtures.password, Fixtures.emailCode, Fixtures.phoneCode, Fixtures.resetEmail])
        var (machine, _) = Self.machine(signIn)
        #expect(machine.offersAnotherMethod)
        _ = machine.update(.useAnotherMethod)
        #expect(machine.step == .alternatives(.all))
        #expect(machine.alternativeFactors == [Fixtures.emailCode, Fixtures.phoneCode])
        #expect(machine.alternativeFactors.map(FactorChoice.label) == [
            "Email code to ada@acme.test", "Send SMS code to +15555550100",
        ])
        #expect(machine.alternativesCanGoBack)
        let chosen = machine.update(.chooseFactor(Fixtures.phoneCode))
        #expect(machine.step == .code(.firstFactor))
        #expect(
            chosen.calls() == [
                .prepareFirstFactor(
                    signInID: "sia_1", PrepareFactorParameters(strategy: .phoneCode, phoneNumberID: "idn_phone"))
            ])
        // Back from the list returns to the factor without sending another code.
        _ = machine.update(.useAnotherMethod)
        machine.answer(chosen, signIn: signIn)
        let back = machine.update(.back)
        #expect(machine.step == .code(.firstFactor))
        #expect(back.calls().isEmpty)
    }

    @Test func getHelpShowsSupportAndGoesBack() {
        var (machine, _) = Self.machine()
        _ = machine.update(.useAnotherMethod)
        _ = machine.update(.getHelp)
        #expect(machine.step == .getHelp)
        #expect(machine.config.supportEmail == "support@acme.test")
        _ = machine.update(.back)
        #expect(machine.step == .alternatives(.all))
    }

    @Test func editIdentifierStartsOverAndDropsLateAnswers() {
        var (machine, _) = Self.machine()
        _ = machine.update(.passwordChanged("pw"))
        let attempt = machine.update(.submit)
        _ = machine.update(.back)
        #expect(machine.step == .start)
        #expect(machine.identifier == "ada@acme.test")
        #expect(!machine.isBusy)
        let late = machine.answer(attempt, signIn: Fixtures.signIn(.complete, sessionID: "sess_1"))
        #expect(late.isEmpty)
        #expect(machine.step == .start)
    }

    @Test func pollsUntilVerified() {
        let signIn = Fixtures.signIn(.needsFirstFactor, first: [Fixtures.emailLink])
        var (machine, effects) = Self.machine(signIn, env: Fixtures.environment(preferred: "otp"))
        #expect(machine.step == .emailLink(expired: false))
        #expect(
            effects.calls() == [
                .prepareFirstFactor(
                    signInID: "sia_1",
                    PrepareFactorParameters(
                        strategy: .emailLink, emailAddressID: "idn_email", redirectURL: "https://acme.test/verify"))
            ])
        #expect(effects.contains(.startTimer(TimerID(scope: 1, kind: .poll), every: .seconds(1), repeats: true)))
        #expect(machine.resendSeconds == 60)
        machine.answer(effects, signIn: signIn)
        let poll = machine.fire(.poll)
        #expect(poll.calls() == [.reloadSignIn(id: "sia_1")])
        // No second poll while one is in flight, and polling does not make the card busy.
        #expect(machine.fire(.poll).isEmpty)
        #expect(!machine.isBusy)
        machine.answer(poll, signIn: Fixtures.signIn(.needsFirstFactor, first: [Fixtures.emailLink],
            firstVerification: Fixtures.verification(.emailLink, .unverified)))
        let poll2 = machine.fire(.poll)
        let done = machine.answer(
            poll2,
            signIn: Fixtures.signIn(
                .complete, first: [Fixtures.emailLink], firstVerification: Fixtures.verification(.emailLink, .verified),
                sessionID: "sess_3"))
        #expect(done.outcomes() == [.signedIn(sessionID: "sess_3")])
        #expect(done.contains(.cancelTimer(TimerID(scope: 1, kind: .poll))))
    }

    @Test func expiredEmailLinkStopsPolling() {
        let signIn = Fixtures.signIn(.needsFirstFactor, first: [Fixtures.emailLink])
        var (machine, _) = Self.machine(signIn, env: Fixtures.environment(preferred: "otp"))
        let poll = machine.fire(.poll)
        let after = machine.answer(
            poll,
            signIn: Fixtures.signIn(
                .needsFirstFactor, first: [Fixtures.emailLink],
                firstVerification: Fixtures.verification(.emailLink, .expired)))
        #expect(machine.step == .emailLink(expired: true))
        #expect(machine.notice == Copy.Field.verificationLinkExpired)
        #expect(after == [.cancelTimer(TimerID(scope: 1, kind: .poll))])
    }

    @Test func failedPollIsRetriedOnTheNextTick() {
        let signIn = Fixtures.signIn(.needsFirstFactor, first: [Fixtures.emailLink])
        var (machine, _) = Self.machine(signIn, env: Fixtures.environment(preferred: "otp"))
        let poll = machine.fire(.poll)
        machine.answer(poll, .failure(.unavailable(reason: "timeout")))
        #expect(!machine.serverUnavailable)
        #expect(machine.fire(.poll).calls() == [.reloadSignIn(id: "sia_1")])
    }
}

@Suite struct CodeTypedDuringPrepareTests {
    @Test func signInCodeCompletedWhileSendingIsSubmittedWhenSent() {
        var (machine, prepare) = SignInFactorOneTests.machine(env: Fixtures.environment(preferred: "otp"))
        #expect(machine.update(.codeChanged("424242")).isEmpty)
        let attempt = machine.answer(prepare, signIn: Fixtures.signIn(.needsFirstFactor))
        #expect(
            attempt.calls() == [
                .attemptFirstFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .emailCode, code: "424242"))
            ])
    }

    @Test func signUpCodeCompletedWhileSendingIsSubmittedWhenSent() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let prepare = machine.answer(
            machine.update(.submit),
            Fixtures.signUp(.missingRequirements, unverified: [.emailAddress], email: Fixtures.emailNeedsPrepare))
        #expect(machine.update(.codeChanged("424242")).isEmpty)
        let attempt = machine.answer(prepare, Fixtures.signUp(.missingRequirements, unverified: [.emailAddress]))
        #expect(attempt.calls() == [.attemptSignUpVerification(id: "sua_1", strategy: .emailCode, code: "424242")])
    }
}
