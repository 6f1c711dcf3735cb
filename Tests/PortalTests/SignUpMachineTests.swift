import FrontendAPI
import Testing

@testable import Portal

extension SignUpMachine {
    static func make(_ environment: Environment = Fixtures.environment()) -> SignUpMachine {
        SignUpMachine(
            config: SignUpConfig(environment: environment, emailLinkRedirectURL: "https://acme.test/verify"), scope: 2)
    }

    @discardableResult
    mutating func answer(_ effects: [Effect], _ signUp: SignUp, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        answer(effects, .success(.signUp(signUp)), sourceLocation: sourceLocation)
    }

    @discardableResult
    mutating func answer(_ effects: [Effect], _ outcome: BackendOutcome,
                         sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)", sourceLocation: sourceLocation)
            return []
        }
        return update(.response(id, outcome))
    }

    @discardableResult
    mutating func fire(_ kind: TimerID.Kind, times: Int = 1) -> [Effect] {
        var effects: [Effect] = []
        for _ in 0..<times { effects = update(.timerFired(TimerID(scope: requests.scope, kind: kind))) }
        return effects
    }
}

extension Fixtures {
    static func signUp(
        _ status: SignUpStatus, missing: [SignUpField] = [], unverified: [SignUpField] = [],
        email: Verification? = nil, phone: Verification? = nil, sessionID: String? = nil
    ) -> SignUp {
        SignUp(
            id: "sua_1", status: status, missingFields: missing, unverifiedFields: unverified,
            verifications: SignUpVerifications(emailAddress: email, phoneNumber: phone),
            emailAddress: "new@acme.test", phoneNumber: "+15555550100", createdSessionID: sessionID, abandonAt: date)
    }

    static let emailNeedsPrepare = Verification(
        status: .unverified, strategy: .emailCode, nextAction: .needsPrepare, supportedStrategies: [.emailCode])
}

@Suite struct SignUpMachineTests {
    @Test func fieldsAndFlagsComeFromTheEnvironment() {
        let env = Fixtures.environment(attributes: Fixtures.defaultAttributes.merging([
            "first_name": .init(enabled: true, required: false),
            "last_name": .init(enabled: true, required: true),
        ]) { $1 })
        let machine = SignUpMachine.make(env)
        #expect(machine.step == .start)
        #expect(
            machine.visibleFields == [
                FieldSpec(field: .firstName, required: false), FieldSpec(field: .lastName, required: true),
                FieldSpec(field: .username, required: false), FieldSpec(field: .emailAddress, required: true),
                FieldSpec(field: .phoneNumber, required: false), FieldSpec(field: .password, required: true),
            ])
        #expect(machine.emailPhoneSwitchLabel == nil)
    }

    @Test func optionalEmailAndPhoneShareOneFieldWithAToggle() {
        let env = Fixtures.environment(attributes: [
            "email_address": .init(enabled: true, required: false, usedForFirstFactor: true),
            "phone_number": .init(enabled: true, required: false, usedForFirstFactor: true),
        ])
        var machine = SignUpMachine.make(env)
        #expect(machine.visibleFields.map(\.field) == [.emailAddress])
        #expect(machine.emailPhoneSwitchLabel == "Use phone instead")
        _ = machine.update(.switchEmailPhone)
        #expect(machine.visibleFields.map(\.field) == [.phoneNumber])
        #expect(machine.emailPhoneSwitchLabel == "Use email instead")
    }

    @Test func emailPasswordAndCodeCompleteTheSignUp() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        #expect(machine.passwordFeedback == .meetsRequirements)
        let create = machine.update(.submit)
        #expect(
            create.calls() == [
                .createSignUp(SignUpParameters(password: "Sup3rSecret!", emailAddress: "new@acme.test", locale: "en-US"))
            ])
        let prepare = machine.answer(
            create, Fixtures.signUp(.missingRequirements, unverified: [.emailAddress], email: Fixtures.emailNeedsPrepare))
        #expect(machine.step == .verifyCode(.emailAddress))
        #expect(machine.verificationTarget == "new@acme.test")
        #expect(
            prepare.calls() == [.prepareSignUpVerification(id: "sua_1", strategy: .emailCode, redirectURL: nil)])
        #expect(machine.resendSeconds == 30)
        machine.answer(prepare, Fixtures.signUp(.missingRequirements, unverified: [.emailAddress]))
        let attempt = machine.update(.codeChanged("424242"))
        #expect(attempt.calls() == [.attemptSignUpVerification(id: "sua_1", strategy: .emailCode, code: "424242")])
        let done = machine.answer(attempt, Fixtures.signUp(.complete, sessionID: "sess_new"))
        #expect(done.outcomes() == [.signedUp(sessionID: "sess_new")])
        #expect(done.contains(.cancelTimer(TimerID(scope: 2, kind: .resendCooldown))))
    }

    @Test func weakPasswordIsStoppedWithLiveFeedback() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("short"))
        #expect(machine.update(.submit).isEmpty)
        #expect(machine.errors["password"] == "Your password must contain 8 or more characters.")
    }

    @Test func wrongCodeIsAFieldErrorAndResendWaitsForTheCountdown() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let prepare = machine.answer(
            machine.update(.submit),
            Fixtures.signUp(.missingRequirements, unverified: [.emailAddress], email: Fixtures.emailNeedsPrepare))
        machine.answer(prepare, Fixtures.signUp(.missingRequirements, unverified: [.emailAddress]))
        let attempt = machine.update(.codeChanged("000000"))
        machine.answer(attempt, .failure(Fixtures.failure("form_code_incorrect", param: "code")))
        #expect(machine.errors["code"] == "message for form_code_incorrect")
        #expect(machine.code.isEmpty)
        #expect(machine.update(.resend).isEmpty)
        machine.fire(.resendCooldown, times: 30)
        #expect(
            machine.update(.resend).calls() == [
                .prepareSignUpVerification(id: "sua_1", strategy: .emailCode, redirectURL: nil)
            ])
    }

    @Test func pendingCodeIsNotSentAgain() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let pending = Verification(status: .unverified, strategy: .emailCode, nextAction: .needsAttempt)
        let effects = machine.answer(
            machine.update(.submit), Fixtures.signUp(.missingRequirements, unverified: [.emailAddress], email: pending))
        #expect(effects.calls().isEmpty)
        #expect(machine.step == .verifyCode(.emailAddress))
    }

    @Test func phoneIsVerifiedAfterEmail() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let phone = Verification(status: .unverified, strategy: .phoneCode, nextAction: .needsPrepare)
        let effects = machine.answer(
            machine.update(.submit),
            Fixtures.signUp(.missingRequirements, unverified: [.phoneNumber], phone: phone))
        #expect(machine.step == .verifyCode(.phoneNumber))
        #expect(machine.verificationTarget == "+15555550100")
        #expect(effects.calls() == [.prepareSignUpVerification(id: "sua_1", strategy: .phoneCode, redirectURL: nil)])
    }

    @Test func missingFieldsOpenTheContinueCard() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        machine.answer(
            machine.update(.submit), Fixtures.signUp(.missingRequirements, missing: [.username, .legalAccepted]))
        #expect(machine.step == .continueMissing)
        #expect(machine.visibleFields == [FieldSpec(field: .username, required: false)])
        #expect(machine.showsLegalConsent)
        _ = machine.update(.fieldChanged(.username, "ada"))
        _ = machine.update(.toggleLegalAccepted)
        let update = machine.update(.submit)
        #expect(
            update.calls() == [
                .updateSignUp(id: "sua_1", SignUpParameters(username: "ada", legalAccepted: true, locale: "en-US"))
            ])
        let done = machine.answer(update, Fixtures.signUp(.complete, sessionID: "sess_c"))
        #expect(done.outcomes() == [.signedUp(sessionID: "sess_c")])
    }

    @Test func legalConsentIsSentWhenEnabled() {
        var machine = SignUpMachine.make(Fixtures.environment(legalConsent: true))
        #expect(machine.showsLegalConsent)
        #expect(machine.config.legalConsentLabel == "I agree to the Terms of Service and Privacy Policy")
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        _ = machine.update(.toggleLegalAccepted)
        #expect(
            machine.update(.submit).calls() == [
                .createSignUp(
                    SignUpParameters(
                        password: "Sup3rSecret!", emailAddress: "new@acme.test", legalAccepted: true, locale: "en-US"))
            ])
    }

    @Test func serverFieldErrorsLandUnderTheirFields() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "taken@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let create = machine.update(.submit)
        machine.answer(create, .failure(Fixtures.failure("form_identifier_exists", param: "email_address")))
        #expect(machine.errors["email_address"] == "message for form_identifier_exists")
        #expect(machine.step == .start)
    }

    @Test func restrictedModeExplainsAndLinksToSignIn() {
        var machine = SignUpMachine.make(Fixtures.environment(mode: .restricted))
        #expect(machine.step == .restricted)
        #expect(machine.update(.joinWaitlist).isEmpty)
        #expect(machine.update(.goToSignIn).outcomes() == [.signIn])
    }

    @Test func waitlistModeOffersTheWaitlist() {
        var machine = SignUpMachine.make(Fixtures.environment(mode: .waitlist))
        #expect(machine.step == .restricted)
        #expect(machine.update(.joinWaitlist).isEmpty)
        #expect(machine.step == .waitlist)
    }

    @Test func transferCreatesDirectlyWhenNothingElseIsNeeded() {
        let env = Fixtures.environment(attributes: [
            "email_address": .init(enabled: true, required: true, usedForFirstFactor: true)
        ])
        let (machine, effects) = SignUpMachine.transfer(
            config: SignUpConfig(environment: env), scope: 3, identifier: "new@acme.test", attribute: .emailAddress)
        #expect(machine.values[.emailAddress] == "new@acme.test")
        #expect(effects.calls() == [.createSignUp(SignUpParameters(emailAddress: "new@acme.test", locale: "en-US"))])
    }

    @Test func transferShowsTheFormWhenAPasswordIsRequired() {
        let (machine, effects) = SignUpMachine.transfer(
            config: SignUpConfig(environment: Fixtures.environment()), scope: 3, identifier: "+15555550100",
            attribute: .phoneNumber)
        #expect(effects.isEmpty)
        #expect(machine.step == .start)
        #expect(machine.values[.phoneNumber] == "+15555550100")
    }

    @Test func emailLinkVerificationPollsTheSignUp() {
        let env = Fixtures.environment(attributes: [
            "email_address": .init(enabled: true, required: true, usedForFirstFactor: true, verifications: ["email_link"])
        ])
        var machine = SignUpMachine.make(env)
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        let link = Verification(status: .unverified, strategy: .emailLink, nextAction: .needsPrepare)
        let effects = machine.answer(
            machine.update(.submit), Fixtures.signUp(.missingRequirements, unverified: [.emailAddress], email: link))
        #expect(machine.step == .verifyEmailLink(expired: false))
        #expect(
            effects.calls() == [
                .prepareSignUpVerification(id: "sua_1", strategy: .emailLink, redirectURL: "https://acme.test/verify")
            ])
        let poll = machine.fire(.poll)
        #expect(poll.calls() == [.reloadSignUp(id: "sua_1")])
        let verified = Verification(status: .verified, strategy: .emailLink)
        let done = machine.answer(poll, Fixtures.signUp(.complete, email: verified, sessionID: "sess_l"))
        #expect(done.outcomes() == [.signedUp(sessionID: "sess_l")])
    }

    @Test func unreachableServerIsRetried() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let create = machine.update(.submit)
        machine.answer(create, .failure(.unavailable(reason: "down")))
        #expect(machine.notice == Copy.serverUnavailable)
        let retry = machine.update(.retry)
        #expect(retry.calls() == create.calls())
    }

    @Test func rateLimitBlocksSubmitting() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let create = machine.update(.submit)
        machine.answer(create, .failure(.api(status: 429, errors: [], retryAfter: 2)))
        #expect(machine.update(.submit).isEmpty)
        machine.fire(.rateLimit, times: 2)
        #expect(machine.update(.submit).calls().count == 1)
    }

    @Test func editFromVerificationReturnsToTheForm() {
        var machine = SignUpMachine.make()
        _ = machine.update(.fieldChanged(.emailAddress, "new@acme.test"))
        _ = machine.update(.passwordChanged("Sup3rSecret!"))
        let prepare = machine.answer(
            machine.update(.submit),
            Fixtures.signUp(.missingRequirements, unverified: [.emailAddress], email: Fixtures.emailNeedsPrepare))
        let back = machine.update(.back)
        #expect(machine.step == .start)
        #expect(back.contains(.cancelTimer(TimerID(scope: 2, kind: .resendCooldown))))
        #expect(machine.answer(prepare, Fixtures.signUp(.complete)).isEmpty)
    }
}
