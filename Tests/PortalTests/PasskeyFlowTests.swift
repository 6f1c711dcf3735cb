import FrontendAPI
import Testing

@testable import Portal

/// Passkeys in the portal's machines: "Use passkey instead", a passkey first factor, reverification with a passkey
/// and "Add a passkey", each through the authenticator call, its failures worded on the card, nothing over SSH.
@Suite struct PasskeyFlowTests {
    static let requestOptions = PublicKeyCredentialRequestOptions(
        allowCredentials: [], challenge: "Y2hhbGxlbmdl", rpId: "localhost", timeout: 300_000, userVerification: "preferred")
    static let creationOptions = PublicKeyCredentialCreationOptions(
        rp: .init(id: "localhost", name: "Acme"), user: .init(id: "dXNlcg", name: "ada@acme.test", displayName: "Ada"),
        challenge: "Y2hhbGxlbmdl", pubKeyCredParams: [.init(alg: -7)], timeout: 300_000,
        excludeCredentials: [], authenticatorSelection: .init(requireResidentKey: true, residentKey: "required",
                                                              userVerification: "preferred"),
        attestation: "none")
    static let assertion = AuthenticatorCall.authenticate(requestOptions, origin: "https://localhost", pin: nil)
    static let challenged = Verification(status: .unverified, strategy: .passkey, nonce: requestOptions.webAuthnJSON())

    static func signInMachine(_ access: PasskeyAccess = .available) -> SignInMachine {
        var config = SignInConfig(environment: Fixtures.environment())
        config.passkeyButton = true
        config.passkeyAccess = access
        return SignInMachine(config: config, scope: 1)
    }

    @Test func usePasskeyInsteadSignsInWithoutAnIdentifier() {
        var machine = Self.signInMachine()
        let create = machine.update(.usePasskey)
        #expect(machine.step == .passkey)
        #expect(create.calls() == [.createSignIn(SignInParameters(strategy: .passkey, locale: "en-US"))])
        let discoverable = Fixtures.signIn(.needsIdentifier, identifier: nil, first: nil, firstVerification: Self.challenged)
        let get = machine.answer(create, signIn: discoverable)
        #expect(get.calls() == [.authenticator(Self.assertion)])
        #expect(machine.isBusy)
        let attempt = machine.answer(get, .success(.publicKeyCredential("{\"id\":\"cred\"}")))
        #expect(attempt.calls() == [
            .attemptFirstFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .passkey, publicKeyCredential: "{\"id\":\"cred\"}"))
        ])
        let done = machine.answer(attempt, signIn: Fixtures.signIn(.complete, sessionID: "sess_1"))
        #expect(done.outcomes() == [.signedIn(sessionID: "sess_1")])
    }

    @Test func aKeyThatWantsItsPINAsksForItThenContinueSendsIt() {
        var machine = Self.signInMachine()
        let create = machine.update(.usePasskey)
        let get = machine.answer(create, signIn: Fixtures.signIn(.needsIdentifier, identifier: nil, first: nil, firstVerification: Self.challenged))
        machine.answer(get, .failure(.authenticator(.pinRequired)))
        #expect(machine.step == .passkey && machine.needsPIN)
        #expect(machine.notice == Copy.Passkeys.failure(.pinRequired, detail: nil))
        _ = machine.update(.codeChanged("123456"))
        #expect(machine.step == .passkey, "a six-digit PIN does not submit by itself")
        let again = machine.update(.submit)
        let withPIN = machine.answer(again, signIn: Fixtures.signIn(.needsIdentifier, identifier: nil, first: nil, firstVerification: Self.challenged))
        #expect(withPIN.calls() == [.authenticator(.authenticate(Self.requestOptions, origin: "https://localhost", pin: "123456"))])
    }

    @Test func noSecurityKeyAndCancellingAreSaidPlainly() {
        var machine = Self.signInMachine()
        let create = machine.update(.usePasskey)
        let get = machine.answer(create, signIn: Fixtures.signIn(.needsIdentifier, identifier: nil, first: nil, firstVerification: Self.challenged))
        machine.answer(get, .failure(.authenticator(.noDevice)))
        #expect(machine.notice == "No security key found. Plug in your security key and try again.")
        #expect(!machine.needsPIN)
        let retry = machine.update(.submit)
        let get2 = machine.answer(retry, signIn: Fixtures.signIn(.needsIdentifier, identifier: nil, first: nil, firstVerification: Self.challenged))
        machine.answer(get2, .failure(.authenticator(.retrievalCancelled)))
        #expect(machine.notice == "Passkey verification was cancelled or timed out.")
    }

    @Test func aPasskeyComesFirstOnceTheUserIsKnownAndIsAnAlternative() {
        var machine = Self.signInMachine()
        let passkey = Factor(strategy: .passkey)
        machine.answer(machine.submitIdentifier(), signIn: Fixtures.signIn(.needsFirstFactor, first: [Fixtures.password, passkey]))
        #expect(machine.step == .passkey)
        #expect(machine.alternativeFactors == [Fixtures.password])
        let prepare = machine.update(.submit)
        #expect(prepare.calls() == [.prepareFirstFactor(signInID: "sia_1", PrepareFactorParameters(strategy: .passkey))])
        _ = machine.update(.useAnotherMethod)
        _ = machine.update(.chooseFactor(Fixtures.password))
        #expect(machine.step == .password)
        #expect(machine.alternativeFactors == [passkey])
    }

    @Test func overSSHPasskeysAreNeitherOfferedNorChosen() {
        var machine = Self.signInMachine(.overSSH)
        #expect(machine.update(.usePasskey).isEmpty && machine.step == .start)
        machine.answer(machine.submitIdentifier(), signIn: Fixtures.signIn(.needsFirstFactor, first: [Fixtures.password, Factor(strategy: .passkey)]))
        #expect(machine.step == .password)
        #expect(machine.alternativeFactors.isEmpty)
    }

    /// "Delete account" answered with `session_reverification_required`, then a first-factor verification offering a
    /// password and a passkey: the machine on the reverification card, and that verification.
    static func reverifying(_ access: PasskeyAccess) -> (ProfileMachine, SessionVerification) {
        var config = ProfileMachineTests.config(localFiles: access == .available)
        config.passkeyAccess = access
        var machine = ProfileMachineTests.machine(config: config)
        _ = machine.update(DeleteAccountSection.open(.confirm))
        _ = machine.update(.textChanged(.deleteConfirmation, "Delete account"))
        let delete = machine.update(.submit)
        let required = Fixtures.failure(
            "session_reverification_required", status: 403,
            meta: ErrorMeta(other: ["reverification": .object(["level": .string("first_factor")])]))
        let start = ProfileMachineTests.answer(&machine, delete, .failure(required))
        let needsFirst = SessionVerification(
            level: .firstFactor, status: .needsFirstFactor, supportedFirstFactors: [Fixtures.password, Factor(strategy: .passkey)],
            session: Fixtures.session("sess_a", identifier: "ada@acme.test"))
        _ = ProfileMachineTests.answer(&machine, start, .success(.verification(needsFirst)))
        return (machine, needsFirst)
    }

    @Test func reverificationPrefersAPasskeyAndAttemptsItsAssertion() {
        var (machine, needsFirst) = Self.reverifying(.available)
        #expect(machine.reverification?.factor?.strategy == .passkey)

        let prepare = machine.update(.submit)
        #expect(prepare.calls() == [
            ProfileMachineTests.call(.prepareVerification(secondFactor: false, PrepareFactorParameters(strategy: .passkey)))
        ])
        var challenged = needsFirst
        challenged.firstFactorVerification = Self.challenged
        let get = ProfileMachineTests.answer(&machine, prepare, .success(.verification(challenged)))
        #expect(get.calls() == [.authenticator(Self.assertion)])
        let attempt = ProfileMachineTests.answer(&machine, get, .success(.publicKeyCredential("{}")))
        #expect(attempt.calls() == [
            ProfileMachineTests.call(.attemptVerification(
                secondFactor: false, AttemptFactorParameters(strategy: .passkey, publicKeyCredential: "{}")))
        ])
        var complete = challenged
        complete.status = .complete
        #expect(ProfileMachineTests.answer(&machine, attempt, .success(.verification(complete))).calls()
            == [ProfileMachineTests.call(.deleteUser)])
    }

    @Test func reverificationOverSSHLeavesThePasskeyOut() {
        let (machine, _) = Self.reverifying(.overSSH)
        #expect(machine.reverification?.factors == [Fixtures.password])
    }

    @Test func addAPasskeyRegistersWithTheAuthenticatorThenVerifies() {
        var config = ProfileMachineTests.config()
        config.passkeys = true
        var machine = ProfileMachineTests.machine(config: config)
        let create = machine.update(PasskeysSection.open(.add))
        #expect(create.calls() == [ProfileMachineTests.call(.createPasskey)])
        let pending = Passkey(
            id: "pk_1", name: "Passkey", verification: Verification(status: .unverified, strategy: .passkey, nonce: Self.creationOptions.webAuthnJSON()),
            createdAt: Fixtures.date, updatedAt: Fixtures.date)
        let register = ProfileMachineTests.answer(&machine, create, .success(.passkey(pending)))
        #expect(register.calls() == [.authenticator(.register(Self.creationOptions, origin: "https://localhost", pin: nil))])

        _ = ProfileMachineTests.answer(&machine, register, .failure(.authenticator(.pinRequired)))
        #expect(machine.sections[PasskeysSection.self].needsPIN)
        _ = machine.update(.codeChanged("4321"))
        let again = machine.update(.submit)
        let withPIN = ProfileMachineTests.answer(&machine, again, .success(.passkey(pending)))
        #expect(withPIN.calls() == [.authenticator(.register(Self.creationOptions, origin: "https://localhost", pin: "4321"))])
        let verify = ProfileMachineTests.answer(&machine, withPIN, .success(.publicKeyCredential("{}")))
        #expect(verify.calls() == [ProfileMachineTests.call(.attemptPasskeyVerification(id: "pk_1", publicKeyCredential: "{}"))])
        let reload = ProfileMachineTests.answer(&machine, verify, .success(.passkey(pending)))
        #expect(reload.calls() == [ProfileMachineTests.call(.loadUser)])
        #expect(machine.showsPage && machine.success == Copy.Passkeys.added)
    }

    @Test func overSSHAddingAPasskeyCallsNothing() {
        var config = ProfileMachineTests.config(localFiles: false)
        config.passkeys = true
        config.passkeyAccess = .overSSH
        var machine = ProfileMachineTests.machine(config: config)
        #expect(machine.update(PasskeysSection.open(.add)).calls().isEmpty)
        #expect(machine.update(.submit).calls().isEmpty)
    }
}
