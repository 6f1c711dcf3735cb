import FrontendAPI
import Testing

@testable import Portal

@Suite struct SignInResetPasswordTests {
    static let strictPolicy = UserSettings.PasswordSettings(minLength: 8, requireNumbers: true, requireUppercase: true)

    /// A machine on the "Set new password" card after a reset code.
    static func onResetCard() -> SignInMachine {
        var machine = SignInMachine.make(Fixtures.environment(passwordSettings: strictPolicy))
        machine.answer(machine.submitIdentifier(), signIn: Fixtures.signIn(.needsFirstFactor))
        _ = machine.update(.forgotPassword)
        #expect(machine.step == .alternatives(.forgotPassword))
        let prepare = machine.update(.chooseFactor(Fixtures.resetEmail))
        #expect(
            prepare.calls() == [
                .prepareFirstFactor(
                    signInID: "sia_1",
                    PrepareFactorParameters(strategy: .resetPasswordEmailCode, emailAddressID: "idn_email"))
            ])
        machine.answer(prepare, signIn: Fixtures.signIn(.needsFirstFactor))
        let attempt = machine.update(.codeChanged("424242"))
        #expect(
            attempt.calls() == [
                .attemptFirstFactor(
                    signInID: "sia_1", AttemptFactorParameters(strategy: .resetPasswordEmailCode, code: "424242"))
            ])
        machine.answer(
            attempt,
            signIn: Fixtures.signIn(
                .needsNewPassword, firstVerification: Fixtures.verification(.resetPasswordEmailCode, .verified)))
        return machine
    }

    @Test func resetCodeLeadsToTheNewPasswordCard() {
        let machine = Self.onResetCard()
        #expect(machine.step == .resetPassword(required: false))
        #expect(machine.notice == nil)
        #expect(machine.newPassword.signOutOfOtherSessions)
    }

    @Test func backFromTheResetCodeReturnsToTheForgotList() {
        var machine = SignInMachine.make()
        machine.answer(machine.submitIdentifier(), signIn: Fixtures.signIn(.needsFirstFactor))
        _ = machine.update(.forgotPassword)
        _ = machine.update(.chooseFactor(Fixtures.resetEmail))
        _ = machine.update(.back)
        #expect(machine.step == .alternatives(.forgotPassword))
        #expect(machine.firstFactor == Fixtures.password)
    }

    @Test func passwordRulesGiveLiveFeedback() {
        var machine = Self.onResetCard()
        _ = machine.update(.newPassword(.password("abc")))
        #expect(machine.newPasswordFeedback?.message == "Your password must contain 8 or more characters.")
        _ = machine.update(.newPassword(.password("abcdefgh")))
        #expect(
            machine.newPasswordFeedback?.message
                == "Your password must contain a number and an uppercase letter.")
        _ = machine.update(.newPassword(.password("Abcdefg1")))
        #expect(machine.newPasswordFeedback == .meetsRequirements)
        #expect(machine.newPasswordFeedback?.message == "Your password meets all the necessary requirements.")
    }

    @Test func brokenRulesOrMismatchBlockTheSubmit() {
        var machine = Self.onResetCard()
        _ = machine.update(.newPassword(.password("short")))
        #expect(machine.update(.submit).isEmpty)
        #expect(machine.errors["password"] == "Your password must contain 8 or more characters.")
        _ = machine.update(.newPassword(.password("Abcdefg1")))
        _ = machine.update(.newPassword(.confirmation("Abcdefg2")))
        #expect(machine.newPassword.matchFeedback == "Passwords don't match.")
        #expect(machine.update(.submit).isEmpty)
        #expect(machine.errors["confirm_password"] == "Passwords don't match.")
    }

    @Test func newPasswordSignsInAfterTheSuccessCard() {
        var machine = Self.onResetCard()
        _ = machine.update(.newPassword(.password("Abcdefg1")))
        _ = machine.update(.newPassword(.confirmation("Abcdefg1")))
        #expect(machine.newPassword.matchFeedback == "Passwords match.")
        _ = machine.update(.newPassword(.toggleSignOutOfOtherSessions))
        let reset = machine.update(.submit)
        #expect(
            reset.calls() == [.resetPassword(signInID: "sia_1", password: "Abcdefg1", signOutOfOtherSessions: false)])
        let after = machine.answer(reset, signIn: Fixtures.signIn(.complete, sessionID: "sess_r"))
        #expect(machine.step == .resetPasswordSuccess(sessionID: "sess_r"))
        #expect(after.contains(.startTimer(TimerID(scope: 1, kind: .successDelay), every: .seconds(2), repeats: false)))
        #expect(machine.fire(.successDelay).outcomes() == [.signedIn(sessionID: "sess_r")])
    }

    @Test func resetWithMFAAsksForTheSecondFactorThenShowsSuccess() {
        var machine = Self.onResetCard()
        _ = machine.update(.newPassword(.password("Abcdefg1")))
        _ = machine.update(.newPassword(.confirmation("Abcdefg1")))
        let reset = machine.update(.submit)
        machine.answer(reset, signIn: Fixtures.signIn(.needsSecondFactor, second: [Fixtures.totp]))
        #expect(machine.step == .code(.secondFactor))
        let attempt = machine.update(.codeChanged("123456"))
        machine.answer(attempt, signIn: Fixtures.signIn(.complete, sessionID: "sess_m"))
        #expect(machine.step == .resetPasswordSuccess(sessionID: "sess_m"))
    }

    @Test func serverRequiredNewPasswordSaysSo() {
        var machine = SignInMachine.make()
        machine.answer(
            machine.submitIdentifier(),
            signIn: Fixtures.signIn(.needsNewPassword, firstVerification: Fixtures.verification(.password, .verified)))
        #expect(machine.step == .resetPassword(required: true))
        #expect(machine.notice == "For security reasons, it is required to reset your password.")
    }

    @Test func forgotPasswordWithoutResetFactorShowsAllMethods() {
        var machine = SignInMachine.make()
        machine.answer(
            machine.submitIdentifier(),
            signIn: Fixtures.signIn(.needsFirstFactor, first: [Fixtures.password, Fixtures.emailCode]))
        _ = machine.update(.forgotPassword)
        #expect(machine.step == .alternatives(.all))
    }
}

@Suite struct SignInSecondFactorTests {
    static let factors = [Fixtures.smsSecond, Fixtures.backupCode, Fixtures.totp]

    static func onSecondFactor(_ factors: [Factor] = factors) -> (SignInMachine, [SignInMachine.Effect]) {
        var machine = SignInMachine.make()
        machine.answer(machine.submitIdentifier(), signIn: Fixtures.signIn(.needsFirstFactor))
        _ = machine.update(.passwordChanged("pw"))
        let attempt = machine.update(.submit)
        let effects = machine.answer(attempt, signIn: Fixtures.signIn(.needsSecondFactor, second: factors))
        return (machine, effects)
    }

    @Test func totpComesFirstAndNeedsNoPrepare() {
        var (machine, effects) = Self.onSecondFactor()
        #expect(machine.step == .code(.secondFactor))
        #expect(machine.secondFactor == Fixtures.totp)
        #expect(effects.calls().isEmpty)
        #expect(!machine.offersResend)
        let attempt = machine.update(.codeChanged("654321"))
        #expect(
            attempt.calls() == [
                .attemptSecondFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .totp, code: "654321"))
            ])
        #expect(
            machine.answer(attempt, signIn: Fixtures.signIn(.complete, sessionID: "sess_2fa")).outcomes() == [
                .signedIn(sessionID: "sess_2fa")
            ])
    }

    @Test func smsIsNextAndIsSentOnEntry() {
        let (machine, effects) = Self.onSecondFactor([Fixtures.backupCode, Fixtures.smsSecond])
        #expect(machine.secondFactor == Fixtures.smsSecond)
        #expect(
            effects.calls() == [
                .prepareSecondFactor(
                    signInID: "sia_1", PrepareFactorParameters(strategy: .phoneCode, phoneNumberID: "idn_phone"))
            ])
        #expect(machine.offersResend)
    }

    @Test func anotherMethodSwitchesToBackupCodes() {
        var (machine, _) = Self.onSecondFactor()
        #expect(machine.offersAnotherMethod)
        _ = machine.update(.useAnotherMethod)
        #expect(machine.step == .secondFactorAlternatives)
        #expect(machine.alternativeSecondFactors == [Fixtures.smsSecond, Fixtures.backupCode])
        #expect(machine.alternativeSecondFactors.map(FactorChoice.label) == [
            "Send SMS code to +1******00", "Use a backup code",
        ])
        _ = machine.update(.chooseFactor(Fixtures.backupCode))
        #expect(machine.codeFactor == Fixtures.backupCode)
        // Backup codes are not six digits: they wait for Enter.
        #expect(machine.update(.codeChanged("abcd-1234")).isEmpty)
        let attempt = machine.update(.submit)
        #expect(
            attempt.calls() == [
                .attemptSecondFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .backupCode, code: "abcd-1234"))
            ])
    }

    @Test func singleSecondFactorOffersNoOtherMethod() {
        var (machine, _) = Self.onSecondFactor([Fixtures.totp])
        #expect(!machine.offersAnotherMethod)
        #expect(machine.update(.useAnotherMethod).isEmpty)
    }

    @Test func clientTrustUsesTheSecondFactorCards() {
        var machine = SignInMachine.make()
        machine.answer(machine.submitIdentifier(), signIn: Fixtures.signIn(.needsFirstFactor))
        _ = machine.update(.passwordChanged("pw"))
        let effects = machine.answer(
            machine.update(.submit), signIn: Fixtures.signIn(.needsClientTrust, second: [Fixtures.smsSecond]))
        #expect(machine.step == .code(.secondFactor))
        #expect(effects.calls().count == 1)
    }

    @Test func signInAsDifferentUserStartsOver() {
        var (machine, _) = Self.onSecondFactor()
        _ = machine.update(.back)
        #expect(machine.step == .start)
        #expect(machine.signIn == nil)
    }
}

@Suite struct SignInFailureTests {
    @Test func rateLimitCountsDownFromRetryAfter() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier()
        let failure = PortalFailure.api(
            status: 429, errors: [ClerkAPIError(code: "too_many_requests", message: "Too many", longMessage: "Too many")],
            retryAfter: 3)
        let after = machine.answer(effects, .failure(failure))
        #expect(machine.rateLimitSeconds == 3)
        #expect(machine.notice == "Too many requests. Please try again in 3 seconds.")
        #expect(after == [.startTimer(TimerID(scope: 1, kind: .rateLimit), every: .seconds(1), repeats: true)])
        #expect(!machine.canSubmit)
        #expect(machine.update(.submit).isEmpty)
        machine.fire(.rateLimit, times: 2)
        #expect(machine.notice == "Too many requests. Please try again in 1 second.")
        #expect(machine.fire(.rateLimit) == [.cancelTimer(TimerID(scope: 1, kind: .rateLimit))])
        #expect(machine.canSubmit)
        #expect(machine.update(.submit).calls().count == 1)
    }

    @Test func unreachableServerOffersRetryOfTheSameCall() {
        var machine = SignInMachine.make()
        let first = machine.submitIdentifier()
        machine.answer(first, .failure(.unavailable(reason: "connection refused")))
        #expect(machine.notice == Copy.serverUnavailable)
        #expect(!machine.isBusy)
        let retry = machine.update(.retry)
        #expect(retry.calls() == first.calls())
        #expect(retry.requestID() != first.requestID())
        #expect(!machine.serverUnavailable)
        machine.answer(retry, signIn: Fixtures.signIn(.needsFirstFactor))
        #expect(machine.step == .password)
    }

    @Test func answersToUnknownRequestsAreIgnored() {
        var machine = SignInMachine.make()
        _ = machine.submitIdentifier()
        let stray = machine.update(.response(RequestID(scope: 7, serial: 1), .success(.signIn(Fixtures.signIn(.complete)))))
        #expect(stray.isEmpty)
        #expect(machine.step == .start)
    }

    @Test func timersOfAnotherScopeAreIgnored() {
        var machine = SignInMachine.make()
        #expect(machine.update(.timerFired(TimerID(scope: 99, kind: .successDelay))).isEmpty)
    }

    @Test func fieldErrorsFollowParamName() {
        var machine = SignInMachine.make()
        let effects = machine.submitIdentifier("bad")
        let failure = PortalFailure.api(
            status: 422,
            errors: [
                ClerkAPIError(
                    code: "form_param_format_invalid", message: "invalid", longMessage: "Identifier is invalid.",
                    meta: ErrorMeta(paramName: "identifier")),
                ClerkAPIError(code: "other", message: "x", longMessage: "Something else."),
            ])
        machine.answer(effects, .failure(failure))
        #expect(machine.errors["identifier"] == "Identifier is invalid.")
        #expect(machine.notice == "Something else.")
    }
}
