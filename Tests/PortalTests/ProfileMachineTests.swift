import FrontendAPI
import Testing

@testable import Portal

@Suite struct ProfileMachineTests {
    static let email = EmailAddress(
        id: "idn_1", emailAddress: "ada@acme.test", verification: Verification(status: .verified, strategy: .emailCode),
        createdAt: Fixtures.date, updatedAt: Fixtures.date)
    static let work = EmailAddress(
        id: "idn_2", emailAddress: "ada@work.test", verification: Verification(status: .unverified, strategy: .emailCode),
        createdAt: Fixtures.date, updatedAt: Fixtures.date)

    static var user: User {
        var user = Fixtures.user
        user.emailAddresses = [work, email]
        user.primaryEmailAddressID = "idn_1"
        return user
    }

    static func machine(user: User = user, config: ProfileConfig = config()) -> ProfileMachine {
        var session = Fixtures.session("sess_a", identifier: "ada@acme.test")
        session.user = user
        return ProfileMachine(sessionID: "sess_a", client: Fixtures.client([session], active: "sess_a"), config: config, scope: 7)
    }

    static func config(localFiles: Bool = true) -> ProfileConfig {
        var config = ProfileConfig(environment: Fixtures.environment(), localFiles: localFiles)
        config.totp = true
        config.backupCodes = true
        return config
    }

    static func call(_ call: ProfileCall) -> BackendCall { .profile(sessionID: "sess_a", call) }

    /// Answers the only call among `effects`.
    static func answer(_ machine: inout ProfileMachine, _ effects: [ProfileMachine.Effect], _ outcome: BackendOutcome)
        -> [ProfileMachine.Effect]
    {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)")
            return []
        }
        return machine.update(.response(id, outcome))
    }

    @Test func identifiersArePrimaryFirstThenVerifiedWithBadges() {
        let machine = Self.machine()
        #expect(machine.emailAddresses.map(\.id) == ["idn_1", "idn_2"])
        #expect(machine.badges(id: "idn_1", verified: true) == ["Primary"])
        #expect(machine.badges(id: "idn_2", verified: false) == ["Unverified"])
    }

    @Test func addAnEmailSendsACodeAndVerifiesIt() {
        var machine = Self.machine()
        _ = machine.update(EmailAddressesSection.open(.add))
        _ = machine.update(.textChanged(.emailAddress, " new@acme.test "))
        let create = machine.update(.submit)
        #expect(create.calls() == [Self.call(.createEmailAddress("new@acme.test"))])
        let added = EmailAddress(id: "idn_3", emailAddress: "new@acme.test", createdAt: Fixtures.date, updatedAt: Fixtures.date)
        let prepare = Self.answer(&machine, create, .success(.emailAddress(added)))
        #expect(prepare.calls() == [Self.call(.prepareEmailVerification(id: "idn_3"))])
        _ = Self.answer(&machine, prepare, .success(.emailAddress(added)))
        #expect(machine.step(of: EmailAddressesSection.self) == .verify(id: "idn_3"))

        let wrong = machine.update(.codeChanged("000000"))
        #expect(wrong.calls() == [Self.call(.attemptEmailVerification(id: "idn_3", code: "000000"))])
        _ = Self.answer(&machine, wrong, .failure(Fixtures.failure("form_code_incorrect", param: "code")))
        #expect(machine.errors["code"] == "message for form_code_incorrect")
        #expect(machine.form.code.isEmpty)

        let right = machine.update(.codeChanged("123456"))
        var verified = added
        verified.verification = Verification(status: .verified, strategy: .emailCode)
        let reload = Self.answer(&machine, right, .success(.emailAddress(verified)))
        #expect(reload.calls() == [Self.call(.loadUser)])
        #expect(machine.showsPage && machine.success == "new@acme.test has been added to your account.")
    }

    @Test func setPrimaryPatchesTheUser() {
        var machine = Self.machine()
        let patch = machine.update(EmailAddressesSection.act(.setPrimary(id: "idn_2")))
        #expect(patch.calls() == [Self.call(.updateUser(UserUpdateParameters(primaryEmailAddressID: "idn_2")))])
    }

    @Test func passwordChecksTheConfirmationThenSignsOutOthersByDefault() {
        var config = Self.config()
        config.reverification = true
        var machine = Self.machine(config: config)
        _ = machine.update(PasswordSection.open(.change))
        _ = machine.update(.newPassword(.password("Abcdefgh1")))
        _ = machine.update(.newPassword(.confirmation("Abcdefgh2")))
        #expect(machine.update(.submit).isEmpty)
        #expect(machine.errors["confirm_password"] == "Passwords don't match.")
        _ = machine.update(.newPassword(.confirmation("Abcdefgh1")))
        let change = machine.update(.submit)
        #expect(change.calls() == [Self.call(.changePassword(current: nil, new: "Abcdefgh1", signOutOfOtherSessions: true))])
    }

    @Test func currentPasswordIsAskedOnlyWithoutReverification() {
        var config = Self.config()
        config.reverification = false
        var machine = Self.machine(config: config)
        #expect(machine.asksCurrentPassword)
        _ = machine.update(PasswordSection.open(.change))
        _ = machine.update(.newPassword(.password("Abcdefgh1")))
        _ = machine.update(.newPassword(.confirmation("Abcdefgh1")))
        #expect(machine.update(.submit).isEmpty)
        #expect(machine.errors["current_password"] != nil)
        _ = machine.update(.currentPasswordChanged("Old-pass-1"))
        #expect(machine.update(.submit).calls() == [
            Self.call(.changePassword(current: "Old-pass-1", new: "Abcdefgh1", signOutOfOtherSessions: true))
        ])
        config.reverification = true
        #expect(!Self.machine(config: config).asksCurrentPassword)
    }

    @Test func reverificationRunsThenRetriesTheActionOnce() {
        var machine = Self.machine()
        _ = machine.update(DeleteAccountSection.open(.confirm))
        _ = machine.update(.textChanged(.deleteConfirmation, "Delete account"))
        let delete = machine.update(.submit)
        #expect(delete.calls() == [Self.call(.deleteUser)])
        let required = Fixtures.failure(
            "session_reverification_required", status: 403,
            meta: ErrorMeta(other: ["reverification": .object(["level": .string("first_factor"), "after_minutes": .int(10)])]))
        let start = Self.answer(&machine, delete, .failure(required))
        #expect(start.calls() == [Self.call(.startVerification(level: .firstFactor))])
        #expect(machine.reverification != nil)

        let session = Fixtures.session("sess_a", identifier: "ada@acme.test")
        let needsFirst = SessionVerification(
            level: .firstFactor, status: .needsFirstFactor, supportedFirstFactors: [Fixtures.emailCode, Fixtures.password],
            session: session)
        #expect(Self.answer(&machine, start, .success(.verification(needsFirst))).isEmpty)
        #expect(machine.reverification?.factor?.strategy == .password)
        _ = machine.update(.currentPasswordChanged("Tr0ub4dor"))
        let attempt = machine.update(.submit)
        #expect(attempt.calls() == [
            Self.call(.attemptVerification(secondFactor: false, AttemptFactorParameters(strategy: .password, password: "Tr0ub4dor")))
        ])
        var complete = needsFirst
        complete.status = .complete
        let retry = Self.answer(&machine, attempt, .success(.verification(complete)))
        #expect(retry.calls() == [Self.call(.deleteUser)])
        #expect(machine.step(of: DeleteAccountSection.self) == .confirm && machine.reverification == nil)

        // Asked again right after reverifying: an error, not a loop.
        #expect(Self.answer(&machine, retry, .failure(required)).isEmpty)
        #expect(machine.errors.card == "message for session_reverification_required")
    }

    @Test func secondFactorReverificationPrefersTheAuthenticatorAndSendsSMSCodes() {
        var machine = Self.machine()
        _ = machine.update(TwoStepVerificationSection.open(.removeAuthenticator))
        let remove = machine.update(.submit)
        let required = Fixtures.failure(
            "session_reverification_required", status: 403,
            meta: ErrorMeta(other: ["reverification": .object(["level": .string("second_factor")])]))
        let start = Self.answer(&machine, remove, .failure(required))
        let session = Fixtures.session("sess_a", identifier: "ada@acme.test")
        let needsSecond = SessionVerification(
            level: .secondFactor, status: .needsSecondFactor,
            supportedSecondFactors: [Fixtures.smsSecond, Fixtures.backupCode, Fixtures.totp], session: session)
        #expect(Self.answer(&machine, start, .success(.verification(needsSecond))).isEmpty)
        #expect(machine.reverification?.factors.map(\.strategy) == [.totp, .phoneCode, .backupCode])
        let prepare = machine.update(.useAnotherFactor)
        #expect(prepare.calls() == [
            Self.call(.prepareVerification(
                secondFactor: true, PrepareFactorParameters(strategy: .phoneCode, phoneNumberID: "idn_phone")))
        ])
        _ = Self.answer(&machine, prepare, .success(.verification(needsSecond)))
        let attempt = machine.update(.codeChanged("424242"))
        #expect(attempt.calls() == [
            Self.call(.attemptVerification(secondFactor: true, AttemptFactorParameters(strategy: .phoneCode, code: "424242")))
        ])
        _ = machine.update(.back)
        #expect(machine.step(of: TwoStepVerificationSection.self) == .removeAuthenticator && machine.reverification == nil)
    }

    @Test func enablingTOTPShowsTheBackupCodesOnceAndSavesThem() {
        var machine = Self.machine()
        let create = machine.update(TwoStepVerificationSection.open(.addAuthenticator))
        #expect(create.calls() == [Self.call(.createTOTP)])
        let totp = TOTP(id: "totp_1", secret: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP",
                        verified: false, createdAt: Fixtures.date, updatedAt: Fixtures.date)
        _ = Self.answer(&machine, create, .success(.totp(totp)))
        #expect(machine.sections[TwoStepVerificationSection.self].totp == totp)
        let verify = machine.update(.codeChanged("123456"))
        var verified = totp
        verified.verified = true
        verified.backupCodes = ["aaaa1111", "bbbb2222"]
        _ = Self.answer(&machine, verify, .success(.totp(verified)))
        guard case .codes? = machine.step(of: BackupCodesSection.self) else {
            Issue.record("expected the backup codes, got \(machine.cardKey)")
            return
        }
        #expect(machine.sections[BackupCodesSection.self].codes == ["aaaa1111", "bbbb2222"])
        #expect(machine.form[.backupCodesPath] == "~/Acme_backup_codes.txt")
        let save = machine.update(.submit)
        guard case .saveFile(let id, let path, let contents)? = save.first else {
            Issue.record("expected a file save, got \(save)")
            return
        }
        #expect(path == "~/Acme_backup_codes.txt" && contents.value == "aaaa1111\nbbbb2222\n")
        _ = machine.update(.response(id, .success(.done)))
        #expect(machine.success == "Backup codes saved to ~/Acme_backup_codes.txt (readable only by you).")
        _ = machine.update(.submit)
        #expect(machine.showsPage && machine.sections[BackupCodesSection.self].codes.isEmpty)
    }

    @Test func overSSHNoFileIsReadOrWritten() {
        var machine = Self.machine(config: Self.config(localFiles: false))
        _ = machine.update(ProfileDetailsSection.open(.edit))
        _ = machine.update(.textChanged(.imagePath, "/etc/shadow"))
        #expect(machine.update(.submit).isEmpty)  // names unchanged, image path ignored
        #expect(machine.showsPage)
    }

    @Test func deleteNeedsTheExactConfirmationAndEndsTheSession() {
        var machine = Self.machine()
        _ = machine.update(DeleteAccountSection.open(.confirm))
        _ = machine.update(.textChanged(.deleteConfirmation, "delete account"))
        #expect(machine.update(.submit).isEmpty)
        _ = machine.update(.textChanged(.deleteConfirmation, "Delete account"))
        let delete = machine.update(.submit)
        #expect(Self.answer(&machine, delete, .success(.done)).outcomes() == [.sessionEnded])
    }

    @Test func revokingADeviceDropsItFromTheList() {
        var machine = Self.machine()
        let load = machine.update(.showPage(.security))
        let other = Fixtures.session("sess_b", identifier: "ada@acme.test")
        _ = Self.answer(&machine, load, .success(.sessions([Fixtures.session("sess_a", identifier: "ada@acme.test"), other])))
        #expect(machine.sections[ActiveDevicesSection.self].devices.map(\.id) == ["sess_a", "sess_b"])
        _ = machine.update(ActiveDevicesSection.open(.signOut(id: "sess_b")))
        let revoke = machine.update(.submit)
        #expect(revoke.calls() == [Self.call(.revokeSession(id: "sess_b"))])
        _ = Self.answer(&machine, revoke, .success(.session(other)))
        #expect(machine.sections[ActiveDevicesSection.self].devices.map(\.id) == ["sess_a"] && machine.success == "The device has been signed out.")
    }

    @Test func anUnreachableServerKeepsTheFormAndRetries() {
        var machine = Self.machine()
        _ = machine.update(UsernameSection.open(.edit))
        _ = machine.update(.textChanged(.username, "ada"))
        let save = machine.update(.submit)
        _ = Self.answer(&machine, save, .failure(.unavailable(reason: "down")))
        #expect(machine.notice == Copy.serverUnavailable && machine.form[.username] == "ada")
        #expect(machine.update(.retry).calls() == [Self.call(.updateUser(UserUpdateParameters(username: "ada")))])
    }

    @Test func connectingAProviderHandsOffToTheBrowserAndPollsUntilConnected() {
        var config = Self.config(localFiles: false)
        config.socialProviders = [SocialProvider(strategy: "oauth_github", name: "GitHub")]
        config.oauthRedirectURL = "http://127.0.0.1:7777/oauth-callback"
        var machine = Self.machine(config: config)
        #expect(machine.connectableProviders.map(\.name) == ["GitHub"])
        _ = machine.update(ConnectedAccountsSection.open(.connect))
        let create = machine.update(ConnectedAccountsSection.act(.connect(config.socialProviders[0])))
        #expect(create.calls() == [
            Self.call(.createExternalAccount(strategy: "oauth_github", redirectURL: "http://127.0.0.1:7777/oauth-callback"))
        ])
        var verification = Verification(status: .unverified, strategy: "oauth_github")
        verification.externalVerificationRedirectURL = "https://github.com/login/oauth/authorize?state=x"
        var account = ExternalAccount(
            id: "eac_1", identificationID: "idn_9", provider: "oauth_github", providerUserID: "", approvedScopes: "",
            emailAddress: "ada@github.test", firstName: "", lastName: "", verification: verification,
            createdAt: Fixtures.date, updatedAt: Fixtures.date)
        let handOff = Self.answer(&machine, create, .success(.externalAccount(account)))
        #expect(handOff.contains(.openExternally("https://github.com/login/oauth/authorize?state=x")))
        #expect(machine.step(of: ConnectedAccountsSection.self) == .connecting(
            provider: "GitHub", url: "https://github.com/login/oauth/authorize?state=x", accountID: "eac_1"))

        let timer = TimerID(scope: 7, kind: .poll)
        let poll = machine.update(.timerFired(timer))
        #expect(poll.calls() == [Self.call(.loadUser)])
        #expect(Self.answer(&machine, poll, .success(.user(Self.user))).isEmpty)  // not connected yet
        account.verification?.status = .verified
        var connected = Self.user
        connected.externalAccounts = [account]
        let done = Self.answer(&machine, machine.update(.timerFired(timer)), .success(.user(connected)))
        #expect(done.contains(.cancelTimer(timer)))
        #expect(machine.showsPage && machine.success == "Your GitHub account has been connected.")
        #expect(machine.connectableProviders.isEmpty)

        // Signed out elsewhere while connecting: the poll stops with the flow.
        var again = machine
        _ = Self.answer(&again, again.update(ConnectedAccountsSection.act(.reconnect(accountID: "eac_1"))), .success(.externalAccount(account)))
        let ended = again.update(.clientChanged(Fixtures.client([], active: nil)))
        #expect(ended == [.cancelTimer(timer), .finish(.sessionEnded)])
    }

    @Test func aConnectionRefusedInTheBrowserStopsWaitingAndSaysWhy() {
        var config = Self.config(localFiles: false)
        config.socialProviders = [SocialProvider(strategy: "oauth_github", name: "GitHub")]
        config.oauthRedirectURL = "http://127.0.0.1:7777/oauth-callback"
        var machine = Self.machine(config: config)
        _ = machine.update(ConnectedAccountsSection.open(.connect))
        var verification = Verification(status: .unverified, strategy: "oauth_github")
        verification.externalVerificationRedirectURL = "https://github.com/login/oauth/authorize?state=x"
        var account = ExternalAccount(
            id: "eac_1", identificationID: "", provider: "github", providerUserID: "", emailAddress: "",
            verification: verification, createdAt: Fixtures.date, updatedAt: Fixtures.date)
        _ = Self.answer(&machine, machine.update(ConnectedAccountsSection.act(.connect(config.socialProviders[0]))), .success(.externalAccount(account)))

        account.verification?.status = .failed
        account.verification?.error = ClerkAPIError(
            code: "external_account_exists", message: "Account already connected",
            longMessage: "This GitHub account is already connected to another user.")
        var refused = Self.user
        refused.externalAccounts = [account]
        let timer = TimerID(scope: 7, kind: .poll)
        let done = Self.answer(&machine, machine.update(.timerFired(timer)), .success(.user(refused)))
        #expect(done == [.cancelTimer(timer)])
        #expect(machine.showsPage)
        #expect(machine.notice == "This GitHub account is already connected to another user.")
    }

    @Test func passkeysAreRenamedWithAtLeastTwoCharactersAndRemovedAfterConfirming() {
        var user = Self.user
        user.passkeys = [Passkey(id: "pk_1", name: "YubiKey", createdAt: Fixtures.date, updatedAt: Fixtures.date)]
        var machine = Self.machine(user: user)
        _ = machine.update(PasskeysSection.open(.rename(id: "pk_1")))
        #expect(machine.form[.passkeyName] == "YubiKey")
        _ = machine.update(.textChanged(.passkeyName, "Y"))
        #expect(machine.update(.submit).isEmpty && machine.errors["name"] != nil)
        _ = machine.update(.textChanged(.passkeyName, "Work key"))
        #expect(machine.update(.submit).calls() == [Self.call(.renamePasskey(id: "pk_1", name: "Work key"))])

        var fresh = Self.machine(user: user)
        _ = fresh.update(PasskeysSection.open(.remove(id: "pk_1")))
        #expect(PasskeysSection.name("pk_1", of: fresh.user) == "YubiKey")
        let remove = fresh.update(.submit)
        #expect(remove.calls() == [Self.call(.deletePasskey(id: "pk_1"))])
        #expect(Self.answer(&fresh, remove, .success(.done)).calls() == [Self.call(.loadUser)])
        #expect(fresh.showsPage)
    }

    @Test func phoneNumbersJoinTheCountryCode() {
        #expect(PhoneNumberInput.e164(countryCode: "+44", number: "07700 900123") == "+447700900123")
        #expect(PhoneNumberInput.e164(countryCode: "+1", number: "(555) 555-0100") == "+15555550100")
        #expect(PhoneNumberInput.e164(countryCode: "+1", number: "+33 6 12 34 56 78") == "+33612345678")
        #expect(PhoneNumberInput.e164(countryCode: "+1", number: "call me") == nil)
    }
}
