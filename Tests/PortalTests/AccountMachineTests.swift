import FrontendAPI
import Testing

@testable import Portal

@Suite struct AccountMachineTests {
    static let ada = Fixtures.session("sess_a", identifier: "ada@acme.test")
    static let bob = Fixtures.session("sess_b", identifier: "bob@acme.test")

    static func machine(_ sessions: [Session] = [ada, bob], active: String? = "sess_a", single: Bool = false)
        -> AccountMachine
    {
        AccountMachine(client: Fixtures.client(sessions, active: active), singleSessionMode: single, scope: 4)
    }

    static func answer(_ machine: inout AccountMachine, _ effects: [AccountMachine.Effect], _ result: BackendResult,
                       sourceLocation: SourceLocation = #_sourceLocation) -> [AccountMachine.Effect]
    {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)", sourceLocation: sourceLocation)
            return []
        }
        return machine.update(.response(id, .success(result)))
    }

    @Test func multiSessionMenuListsOtherAccounts() {
        var machine = Self.machine()
        _ = machine.update(.openMenu)
        #expect(machine.step == .menu)
        #expect(machine.menuItems == [.manageAccount, .signOut, .switchTo(Self.bob), .addAccount, .signOutAll])
        #expect(machine.menuItems.map(AccountMachine.label) == [
            "Manage account", "Sign out", "bob@acme.test", "Add account", "Sign out of all accounts",
        ])
        _ = machine.update(.closeMenu)
        #expect(machine.step == .home)
    }

    @Test func singleSessionMenuHasNoSwitching() {
        let machine = Self.machine([Self.ada], single: true)
        #expect(machine.menuItems == [.manageAccount, .signOut])
    }

    @Test func switchingTouchesTheSessionWithSelectSession() {
        var machine = Self.machine()
        let touch = machine.update(.select(.switchTo(Self.bob)))
        #expect(touch.calls() == [.touchSession(id: "sess_b", intent: .selectSession)])
        let done = Self.answer(&machine, touch, .session(Self.bob))
        #expect(done.outcomes() == [.switched(sessionID: "sess_b")])
        #expect(machine.activeSession == Self.bob)
    }

    @Test func signingOutOfOneOfSeveralShowsTheAccountSwitcher() {
        var machine = Self.machine()
        let remove = machine.update(.select(.signOut))
        #expect(remove.calls() == [.removeSession(id: "sess_a")])
        let after = Self.answer(&machine, remove, .session(Self.ada))
        #expect(after.isEmpty)
        #expect(machine.step == .chooseAccount)
        #expect(machine.chooseItems == [.switchTo(Self.bob), .addAccount, .signOutAll])
    }

    @Test func signingOutOfTheLastAccountEndsAllSessions() {
        var machine = Self.machine([Self.ada])
        let signOut = machine.update(.select(.signOut))
        #expect(signOut.calls() == [.signOutAll])
        #expect(Self.answer(&machine, signOut, .client(nil)).outcomes() == [.signedOut])
    }

    @Test func signOutOfAllAccounts() {
        var machine = Self.machine()
        let signOut = machine.update(.select(.signOutAll))
        #expect(signOut.calls() == [.signOutAll])
        #expect(Self.answer(&machine, signOut, .client(nil)).outcomes() == [.signedOut])
    }

    @Test func addAccountAndManageAccountHandOver() {
        var machine = Self.machine()
        #expect(machine.update(.select(.addAccount)).outcomes() == [.addAccount])
        #expect(machine.update(.select(.manageAccount)).outcomes() == [.manageAccount(sessionID: "sess_a")])
        var single = Self.machine([Self.ada], single: true)
        #expect(single.update(.select(.addAccount)).isEmpty)
    }

    @Test func sessionsEndedElsewhereSignOut() {
        var machine = Self.machine()
        let effects = machine.update(.clientChanged(Fixtures.client([], active: nil)))
        #expect(effects.outcomes() == [.signedOut])
    }

    @Test func failuresAreShownAndRetried() {
        var machine = Self.machine()
        let touch = machine.update(.select(.switchTo(Self.bob)))
        _ = machine.update(.response(touch.requestID()!, .failure(.unavailable(reason: "down"))))
        #expect(machine.notice == Copy.serverUnavailable)
        let retry = machine.update(.retry)
        #expect(retry.calls() == touch.calls())
        _ = machine.update(.response(retry.requestID()!, .failure(Fixtures.failure("resource_not_found", status: 404))))
        #expect(machine.notice == "message for resource_not_found")
    }
}

@Suite struct SessionTaskMachineTests {
    static func machine(_ key: SessionTask.Key) -> SessionTaskMachine {
        SessionTaskMachine(
            task: key, sessionID: "sess_p", identifier: "ada@acme.test", passwordPolicy: PasswordPolicy(.init()),
            scope: 5)
    }

    static func answer(_ machine: inout SessionTaskMachine, _ effects: [SessionTaskMachine.Effect], _ outcome: BackendOutcome,
                       sourceLocation: SourceLocation = #_sourceLocation) -> [SessionTaskMachine.Effect]
    {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)", sourceLocation: sourceLocation)
            return []
        }
        return machine.update(.response(id, outcome))
    }

    static let totp = TOTP(
        id: "totp_1", secret: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/Acme:ada?secret=JBSWY3DPEHPK3PXP",
        verified: false, createdAt: Fixtures.date, updatedAt: Fixtures.date)

    @Test func resetPasswordTaskChangesThePassword() {
        var machine = Self.machine(.resetPassword)
        #expect(machine.step == .resetPassword)
        _ = machine.update(.newPassword(.password("Abcdefgh1")))
        _ = machine.update(.newPassword(.confirmation("Abcdefgh1")))
        let change = machine.update(.submit)
        #expect(
            change.calls() == [
                .profile(sessionID: "sess_p", .changePassword(current: nil, new: "Abcdefgh1", signOutOfOtherSessions: true))
            ])
        #expect(Self.answer(&machine, change, .success(.user(Fixtures.user))).outcomes() == [.completed])
    }

    @Test func resetPasswordTaskShowsServerErrorsUnderTheField() {
        var machine = Self.machine(.resetPassword)
        _ = machine.update(.newPassword(.password("Abcdefgh1")))
        _ = machine.update(.newPassword(.confirmation("Abcdefgh1")))
        let change = machine.update(.submit)
        _ = Self.answer(&machine, change, .failure(Fixtures.failure("form_password_pwned", param: "new_password")))
        #expect(machine.errors["password"] == "message for form_password_pwned")
    }

    @Test func setupMFAEnrollsAnAuthenticatorAndShowsBackupCodes() {
        var machine = Self.machine(.setupMFA)
        #expect(machine.step == .chooseMethod)
        let create = machine.update(.chooseAuthenticatorApp)
        #expect(create.calls() == [.profile(sessionID: "sess_p", .createTOTP)])
        _ = Self.answer(&machine, create, .success(.totp(Self.totp)))
        #expect(machine.step == .verifyAuthenticator)
        #expect(machine.totp?.secret == "JBSWY3DPEHPK3PXP")
        _ = machine.update(.toggleKey)
        #expect(machine.showsKey)
        let wrong = machine.update(.codeChanged("000000"))
        #expect(wrong.calls() == [.profile(sessionID: "sess_p", .verifyTOTP(code: "000000"))])
        _ = Self.answer(&machine, wrong, .failure(Fixtures.failure("form_code_incorrect", param: "code")))
        #expect(machine.errors["code"] == "message for form_code_incorrect")
        let verify = machine.update(.codeChanged("123456"))
        var verified = Self.totp
        verified.verified = true
        verified.backupCodes = ["aaaa1111", "bbbb2222"]
        _ = Self.answer(&machine, verify, .success(.totp(verified)))
        #expect(machine.step == .backupCodes)
        #expect(machine.totp?.backupCodes == ["aaaa1111", "bbbb2222"])
        #expect(machine.update(.submit).outcomes() == [.completed])
    }

    /// choose-organization belongs to the organization list; a task the terminal does not know offers signing out.
    @Test func anUnknownTaskOffersSigningOut() {
        var machine = Self.machine(SessionTask.Key(rawValue: "accept-terms"))
        #expect(machine.step == .unsupported)
        #expect(machine.update(.signOut).outcomes() == [.signOut(sessionID: "sess_p")])
    }
}
