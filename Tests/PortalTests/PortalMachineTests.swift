import FrontendAPI
import Testing

@testable import Portal

@Suite struct PortalMachineTests {
    static let ada = Fixtures.session("sess_a", identifier: "ada@acme.test")

    /// Answers every call in `effects` whose result `results` provides, in order; a result for a call the
    /// machine did not make is an issue.
    static func answer(
        _ machine: inout PortalMachine, _ effects: [PortalMachine.Effect], _ results: KeyValuePairs<BackendCall, BackendOutcome>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [PortalMachine.Effect] {
        var produced: [PortalMachine.Effect] = []
        var answered: [BackendCall] = []
        for case .call(let id, let call) in effects {
            if let outcome = results.first(where: { $0.key == call })?.value {
                answered.append(call)
                produced += machine.update(.response(id, outcome))
            }
        }
        for (call, _) in results where !answered.contains(call) {
            Issue.record("expected a call \(call) among \(effects)", sourceLocation: sourceLocation)
        }
        return produced
    }

    static func booted(client: Client?, env: Environment = Fixtures.environment()) -> PortalMachine {
        var machine = PortalMachine(emailLinkRedirectURL: "https://acme.test/verify")
        let start = machine.update(.start)
        #expect(start.calls() == [.loadEnvironment, .loadClient])
        _ = answer(&machine, start, [.loadEnvironment: .success(.environment(env)), .loadClient: .success(.client(client))])
        return machine
    }

    @Test func noClientOpensSignIn() {
        let machine = Self.booted(client: nil)
        guard case .signIn(let signIn) = machine.route else {
            Issue.record("expected sign-in, got \(machine.route)")
            return
        }
        #expect(signIn.config.applicationName == "Acme")
        #expect(machine.isDevelopment)
    }

    @Test func signedInClientOpensHome() {
        let machine = Self.booted(client: Fixtures.client([Self.ada], active: "sess_a"))
        guard case .home(let account) = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
        #expect(account.activeSession == Self.ada)
    }

    @Test func pendingSessionOpensItsTask() {
        let pending = Fixtures.session(
            "sess_p", identifier: "ada@acme.test", status: .pending, tasks: [SessionTask(key: .setupMFA)])
        let machine = Self.booted(client: Fixtures.client([pending], active: "sess_p"))
        guard case .task(let task) = machine.route else {
            Issue.record("expected task, got \(machine.route)")
            return
        }
        #expect(task.task == .setupMFA)
        #expect(task.identifier == "ada@acme.test")
    }

    @Test func unreachableInstanceCanBeRetried() {
        var machine = PortalMachine()
        let start = machine.update(.start)
        _ = Self.answer(&machine, start, [.loadEnvironment: .failure(.unavailable(reason: "refused"))])
        #expect(machine.route == .unavailable(.unavailable(reason: "refused")))
        // The client's late answer does not leave the error screen.
        _ = Self.answer(&machine, start, [.loadClient: .success(.client(nil))])
        #expect(machine.route == .unavailable(.unavailable(reason: "refused")))
        #expect(machine.update(.retry).calls() == [.loadEnvironment, .loadClient])
    }

    @Test func signInThenHomeThenSignOut() {
        var machine = Self.booted(client: nil)
        let create = machine.update(.signIn(.identifierChanged("ada@acme.test"))) + machine.update(.signIn(.submit))
        let factor = Self.answer(&machine, create, [
            .createSignIn(SignInParameters(identifier: "ada@acme.test", locale: "en-US")): .success(.signIn(Fixtures.signIn(.needsFirstFactor)))
        ])
        #expect(factor.isEmpty)
        _ = machine.update(.signIn(.passwordChanged("pw")))
        let attempt = machine.update(.signIn(.submit))
        // The runtime reports the new client before the answer.
        _ = machine.update(.clientChanged(Fixtures.client([Self.ada], active: "sess_a")))
        let after = Self.answer(&machine, attempt, [
            .attemptFirstFactor(signInID: "sia_1", AttemptFactorParameters(strategy: .password, password: "pw")):
                .success(.signIn(Fixtures.signIn(.complete, sessionID: "sess_a")))
        ])
        #expect(after.isEmpty)
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
        let signOut = machine.update(.account(.select(.signOut)))
        #expect(signOut.calls() == [.signOutAll])
        _ = Self.answer(&machine, signOut, [.signOutAll: .success(.client(nil))])
        guard case .signIn = machine.route else {
            Issue.record("expected sign-in, got \(machine.route)")
            return
        }
    }

    @Test func completedSignInUnknownToTheClientReloadsIt() {
        var machine = Self.booted(client: nil)
        _ = machine.update(.signIn(.identifierChanged("ada@acme.test")))
        _ = machine.update(.signIn(.passwordChanged("pw")))
        let create = machine.update(.signIn(.submit))
        let reload = Self.answer(&machine, create, [
            .createSignIn(SignInParameters(strategy: .password, identifier: "ada@acme.test", password: "pw", locale: "en-US")):
                .success(.signIn(Fixtures.signIn(.complete, sessionID: "sess_a")))
        ])
        #expect(reload.calls() == [.loadClient])
        _ = Self.answer(&machine, reload, [.loadClient: .success(.client(Fixtures.client([Self.ada], active: "sess_a")))])
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
    }

    @Test func existingSessionIsActivatedByTouch() {
        let bob = Fixtures.session("sess_b", identifier: "bob@acme.test")
        var machine = Self.booted(client: nil)
        _ = machine.update(.clientChanged(Fixtures.client([Self.ada, bob], active: "sess_a")))
        let create = machine.update(.signIn(.identifierChanged("bob@acme.test"))) + machine.update(.signIn(.submit))
        let failure = Fixtures.failure("identifier_already_signed_in", status: 400, meta: ErrorMeta(sessionID: "sess_b"))
        let touch = Self.answer(&machine, create, [.createSignIn(SignInParameters(identifier: "bob@acme.test", locale: "en-US")): .failure(failure)])
        #expect(touch.calls() == [.touchSession(id: "sess_b", intent: .selectSession)])
        _ = Self.answer(&machine, touch, [.touchSession(id: "sess_b", intent: .selectSession): .success(.session(bob))])
        guard case .home(let account) = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
        #expect(account.activeSessionID == "sess_b")
    }

    @Test func unknownIdentifierMovesToSignUpPrefilled() {
        var machine = Self.booted(client: nil)
        let create = machine.update(.signIn(.identifierChanged("new@acme.test"))) + machine.update(.signIn(.submit))
        _ = Self.answer(&machine, create, [
            .createSignIn(SignInParameters(identifier: "new@acme.test", locale: "en-US")): .failure(Fixtures.failure("form_identifier_not_found"))
        ])
        guard case .signUp(let signUp) = machine.route else {
            Issue.record("expected sign-up, got \(machine.route)")
            return
        }
        #expect(signUp.values[.emailAddress] == "new@acme.test")
        _ = machine.update(.signUp(.goToSignIn))
        guard case .signIn = machine.route else {
            Issue.record("expected sign-in, got \(machine.route)")
            return
        }
    }

    @Test func manageAccountOpensTheProfileAndEscapeReturnsHome() {
        var machine = Self.booted(client: Fixtures.client([Self.ada], active: "sess_a"))
        let open = machine.update(.account(.select(.manageAccount)))
        #expect(open.calls() == [.profile(sessionID: "sess_a", .loadUser)])
        guard case .profile(let profile) = machine.route else {
            Issue.record("expected the profile, got \(machine.route)")
            return
        }
        #expect(profile.page == .account && profile.showsPage)
        _ = machine.update(.profile(.back))
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
    }

    @Test func aProfileWhoseSessionEndsReloadsTheClient() {
        var machine = Self.booted(client: Fixtures.client([Self.ada], active: "sess_a"))
        _ = machine.update(.account(.select(.manageAccount)))
        let ended = machine.update(.clientChanged(Fixtures.client([], active: nil)))
        #expect(ended.calls() == [.loadClient])
    }

    @Test func keepMeSignedInCreatesThenRemovesTheFrontDoorsFile() {
        var machine = PortalMachine(keepSignedIn: KeepSignedIn(path: "/tmp/state/keep-signed-in", isOn: false))
        let on = machine.update(.toggleKeepSignedIn)
        guard case .saveFile(let id, "/tmp/state/keep-signed-in", let contents)? = on.first else {
            Issue.record("expected the file to be created, got \(on)")
            return
        }
        #expect(contents.isEmpty && machine.update(.toggleKeepSignedIn).isEmpty)  // one change at a time
        _ = machine.update(.response(id, .success(.done)))
        #expect(machine.keepSignedIn?.isOn == true)
        let off = machine.update(.toggleKeepSignedIn)
        guard case .removeFile(let removal, "/tmp/state/keep-signed-in")? = off.first else {
            Issue.record("expected the file to be removed, got \(off)")
            return
        }
        _ = machine.update(.response(removal, .success(.done)))
        #expect(machine.keepSignedIn?.isOn == false)
    }

    @Test func addAccountOpensSignIn() {
        var machine = Self.booted(client: Fixtures.client([Self.ada], active: "sess_a"))
        _ = machine.update(.account(.select(.addAccount)))
        guard case .signIn = machine.route else {
            Issue.record("expected sign-in, got \(machine.route)")
            return
        }
    }

    @Test func finishedTaskReloadsTheClientAndGoesHome() {
        let pending = Fixtures.session(
            "sess_p", identifier: "ada@acme.test", status: .pending, tasks: [SessionTask(key: .resetPassword)])
        var machine = Self.booted(client: Fixtures.client([pending], active: "sess_p"))
        _ = machine.update(.task(.newPassword(.password("Abcdefgh1"))))
        _ = machine.update(.task(.newPassword(.confirmation("Abcdefgh1"))))
        let change = machine.update(.task(.submit))
        let reload = Self.answer(&machine, change, [
            .profile(sessionID: "sess_p", .changePassword(current: nil, new: "Abcdefgh1", signOutOfOtherSessions: true)):
                .success(.user(Fixtures.user))
        ])
        #expect(reload.calls() == [.loadClient])
        let active = Fixtures.session("sess_p", identifier: "ada@acme.test")
        _ = Self.answer(&machine, reload, [.loadClient: .success(.client(Fixtures.client([active], active: "sess_p")))])
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
    }

    /// The server ends the pending state with the call that verifies the authenticator, and the client changes before
    /// that call is answered: the task stays on screen for its answer, then shows the backup codes until Continue.
    @Test func aSetupMFATaskKeepsItsBackupCodesAfterTheSessionBecameActive() {
        let pending = Fixtures.session(
            "sess_p", identifier: "ada@acme.test", status: .pending, tasks: [SessionTask(key: .setupMFA)])
        var machine = Self.booted(client: Fixtures.client([pending], active: "sess_p"))
        let totp = TOTP(id: "totp_1", secret: "JBSWY3DPEHPK3PXP", uri: "otpauth://totp/x", verified: false,
                        createdAt: Fixtures.date, updatedAt: Fixtures.date)
        let create = machine.update(.task(.chooseAuthenticatorApp))
        _ = Self.answer(&machine, create, [.profile(sessionID: "sess_p", .createTOTP): .success(.totp(totp))])
        let verify = machine.update(.task(.codeChanged("123456")))
        let active = Fixtures.session("sess_p", identifier: "ada@acme.test")
        _ = machine.update(.clientChanged(Fixtures.client([active], active: "sess_p")))
        var verified = totp
        verified.backupCodes = ["a1b2c3d4"]
        _ = Self.answer(&machine, verify, [.profile(sessionID: "sess_p", .verifyTOTP(code: "123456")): .success(.totp(verified))])
        guard case .task(let task) = machine.route, task.step == .backupCodes else {
            Issue.record("expected the backup codes, got \(machine.route)")
            return
        }
        let reload = machine.update(.task(.submit))
        #expect(reload.calls() == [.loadClient])
        _ = Self.answer(&machine, reload, [.loadClient: .success(.client(Fixtures.client([active], active: "sess_p")))])
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
    }

    @Test func childTimersAndRetriesAreForwarded() {
        var machine = Self.booted(client: nil, env: Fixtures.environment(preferred: "otp"))
        let create = machine.update(.signIn(.identifierChanged("ada@acme.test"))) + machine.update(.signIn(.submit))
        let prepare = Self.answer(&machine, create, [
            .createSignIn(SignInParameters(identifier: "ada@acme.test", locale: "en-US")): .success(.signIn(Fixtures.signIn(.needsFirstFactor)))
        ])
        guard case .startTimer(let timer, _, _)? = prepare.first(where: { if case .startTimer = $0 { true } else { false } })
        else {
            Issue.record("expected a resend timer")
            return
        }
        _ = machine.update(.timerFired(timer))
        guard case .signIn(let signIn) = machine.route else {
            Issue.record("expected sign-in, got \(machine.route)")
            return
        }
        #expect(signIn.resendSeconds == 29)
    }
}

@Suite struct PortalMultiSessionTests {
    static let ada = Fixtures.session("sess_a", identifier: "ada@acme.test")
    static let bob = Fixtures.session("sess_b", identifier: "bob@acme.test")

    @Test func backFromAddAccountReturnsHome() {
        var machine = PortalMachineTests.booted(client: Fixtures.client([Self.ada], active: "sess_a"))
        _ = machine.update(.account(.select(.addAccount)))
        guard case .signIn = machine.route else {
            Issue.record("expected sign-in, got \(machine.route)")
            return
        }
        _ = machine.update(.signIn(.back))
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
    }

    @Test func signingOutOfOneAccountShowsTheSwitcher() {
        var machine = PortalMachineTests.booted(client: Fixtures.client([Self.ada, Self.bob], active: "sess_a"))
        let remove = machine.update(.account(.select(.signOut)))
        #expect(remove.calls() == [.removeSession(id: "sess_a")])
        // The server leaves no session active; the client arrives before the answer.
        _ = machine.update(.clientChanged(Fixtures.client([Self.bob], active: nil)))
        _ = PortalMachineTests.answer(&machine, remove, [.removeSession(id: "sess_a"): .success(.session(Self.ada))])
        guard case .home(let account) = machine.route else {
            Issue.record("expected the account switcher, got \(machine.route)")
            return
        }
        #expect(account.step == .chooseAccount)
        #expect(account.chooseItems.first == .switchTo(Self.bob))
        let touch = machine.update(.account(.select(.switchTo(Self.bob))))
        _ = PortalMachineTests.answer(&machine, touch, [.touchSession(id: "sess_b", intent: .selectSession): .success(.session(Self.bob))])
        guard case .home(let home) = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
        #expect(home.step == .home)
        #expect(home.activeSessionID == "sess_b")
    }

    @Test func switchingToASessionWithATaskOpensTheTask() {
        let pending = Fixtures.session("sess_b", identifier: "bob@acme.test", status: .pending, tasks: [SessionTask(key: .resetPassword)])
        var machine = PortalMachineTests.booted(client: Fixtures.client([Self.ada, pending], active: "sess_a"))
        let touch = machine.update(.account(.select(.switchTo(pending))))
        _ = PortalMachineTests.answer(&machine, touch, [.touchSession(id: "sess_b", intent: .selectSession): .success(.session(pending))])
        guard case .task(let task) = machine.route else {
            Issue.record("expected the task, got \(machine.route)")
            return
        }
        #expect(task.task == .resetPassword)
        #expect(task.sessionID == "sess_b")
    }
}

@Suite struct PortalBootstrapTests {
    @Test func clientNoticesDuringBootstrapWaitForTheClientAnswer() {
        var machine = PortalMachine()
        let start = machine.update(.start)
        // The runtime reports the (still empty) client with the environment's answer.
        _ = machine.update(.clientChanged(nil))
        _ = PortalMachineTests.answer(&machine, start, [.loadEnvironment: .success(.environment(Fixtures.environment()))])
        #expect(machine.route == .loading)
        let ada = Fixtures.session("sess_a", identifier: "ada@acme.test")
        _ = PortalMachineTests.answer(&machine, start, [.loadClient: .success(.client(Fixtures.client([ada], active: "sess_a")))])
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
    }
}

/// The organization flows inside the portal: the home's switcher and the choose-organization task.
@Suite struct PortalOrganizationTests {
    static var environment: Environment {
        var environment = Fixtures.environment()
        environment.organizationSettings = OrganizationSettings(enabled: true)
        return environment
    }

    @Test func theChooseOrganizationTaskOpensTheListThatMustEndInAnOrganization() {
        let pending = Fixtures.session(
            "sess_p", identifier: "ada@acme.test", status: .pending, tasks: [SessionTask(key: .chooseOrganization)])
        var machine = PortalMachine()
        let start = machine.update(.start)
        let effects = PortalMachineTests.answer(&machine, start, [
            .loadEnvironment: .success(.environment(Self.environment)),
            .loadClient: .success(.client(Fixtures.client([pending], active: "sess_p"))),
        ])
        guard case .organizations(let list) = machine.route else {
            Issue.record("expected the organization list, got \(machine.route)")
            return
        }
        #expect(list.mode == .task && list.sessionID == "sess_p")
        #expect(effects.calls().count == 3)
    }

    @Test func theHomeOpensTheSwitcherAndBackReturnsHome() {
        var machine = PortalMachineTests.booted(
            client: Fixtures.client([PortalMachineTests.ada], active: "sess_a"), env: Self.environment)
        guard case .home(let home) = machine.route, home.organizationsEnabled else {
            Issue.record("expected a home with organizations, got \(machine.route)")
            return
        }
        let open = machine.update(.account(.openOrganizations))
        guard case .organizations(let list) = machine.route else {
            Issue.record("expected the organization list, got \(machine.route)")
            return
        }
        #expect(list.mode == .switcher && open.calls().count == 3)
        _ = machine.update(.organizations(.back))
        guard case .home = machine.route else {
            Issue.record("expected home, got \(machine.route)")
            return
        }
    }

    @Test func theHomeCountsPendingInvitationsAndSuggestions() {
        var account = AccountMachine(
            client: Fixtures.client([PortalMachineTests.ada], active: "sess_a"), singleSessionMode: false,
            organizationsEnabled: true, scope: 3)
        let counts = account.start()
        #expect(counts.calls() == [
            .organizations(sessionID: "sess_a", .invitations(offset: 0)),
            .organizations(sessionID: "sess_a", .suggestions(offset: 0, includeAccepted: false)),
        ])
        #expect(!account.isBusy)
        let invitations = PaginatedList(data: [OrganizationFixtures.invitation], totalCount: 2)
        let suggestions = PaginatedList(data: [OrganizationFixtures.suggestion], totalCount: 1)
        for case .call(let id, .organizations(_, let call)) in counts {
            let result: BackendResult = if case .invitations = call { .invitations(invitations) } else { .suggestions(suggestions) }
            _ = account.update(.response(id, .success(result)))
        }
        #expect(account.pendingOrganizationCount == 3)
    }
}
