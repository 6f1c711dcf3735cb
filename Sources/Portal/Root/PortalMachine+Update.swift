import FrontendAPI

extension PortalMachine {
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .start:
            guard route == .loading || isUnavailable else { return [] }
            route = .loading
            environment = nil
            clientLoaded = false
            cached = CachedHalves()
            requests.forgetAll()
            return [send(.loadEnvironment, .environment), send(.loadClient, .client)]
        case .restore(let view):
            // A ticket is redeemed on the current settings: its card waits for the refresh, as it waits for the
            // ticket's own answer anyway, rather than offer a cached card that the ticket's card then replaces.
            guard route == .loading, environment == nil, !clientLoaded, ticket == nil else { return [] }
            environment = view.environment
            client = view.client
            clientLoaded = true
            cached = CachedHalves(environment: true, client: true)
            return settle()
        case .retry:
            return isUnavailable ? update(.start) : forwardRetry()
        case .clientChanged(let client):
            // While loading (or showing the cached client), the bootstrap's own `GET /v1/client` answer is what counts.
            if route == .loading || isUnavailable || cached.client { return [] }
            self.client = client
            return clientChanged(client)
        case .signIn(.back) where isAddingAccount:
            // Back from the start card of "Add account" returns to the signed-in accounts.
            return settle()
        case .toggleKeepSignedIn:
            guard let keep = keepSignedIn, !requests.contains(where: { if case .keepSignedIn = $0 { true } else { false } })
            else { return [] }
            let file: RequestTracker<Purpose>.Request =
                keep.isOn ? .removeFile(path: keep.path) : .saveFile(path: keep.path, contents: SecretText())
            return [requests.send(file, .keepSignedIn(!keep.isOn))]
        case .response(let id, let outcome):
            if let pending = requests.answered(id) { return handle(outcome, for: pending.purpose) }
            return forwardToChild(response: id, outcome)
        case .timerFired(let timer):
            return forwardTimer(timer)
        default:
            return forward(event)
        }
    }

    private var isUnavailable: Bool { if case .unavailable = route { true } else { false } }

    /// Signing in to another account while others are signed in, still on the start card.
    private var isAddingAccount: Bool {
        guard case .signIn(let machine) = route, machine.step == .start, let client else { return false }
        return !AccountMachine.signedIn(client).isEmpty
    }

    // MARK: The portal's own calls

    private mutating func handle(_ outcome: BackendOutcome, for purpose: Purpose) -> [Effect] {
        switch (purpose, outcome) {
        case (.environment, .success(.environment(let environment))):
            // Cards built on other settings than the current ones are built again.
            if cached.environment && self.environment != environment { route = .loading }
            cached.environment = false
            self.environment = environment
            return clientLoaded ? settle() : []
        case (.client, .success(.client(let client))):
            self.client = client
            clientLoaded = true
            cached.client = false
            return environment != nil ? settle() : []
        case (.activate(let sessionID), .success):
            client?.lastActiveSessionID = sessionID
            return settle()
        case (.signOut, .success):
            return [send(.loadClient, .client)]
        case (.keepSignedIn(let isOn), .success):
            keepSignedIn?.isOn = isOn
            return []
        case (.environment, .failure(let failure)), (.client, .failure(let failure)):
            // A cached view whose refresh failed is not shown as current.
            if route == .loading || cached.any {
                requests.forgetAll()
                cached = CachedHalves()
                route = .unavailable(failure)
            }
            return []
        case (.activate, .failure), (.signOut, .failure):
            // The session could not be activated or ended: reload and show what the client now holds.
            return [send(.loadClient, .client)]
        default:
            return []
        }
    }

    /// Shows what the client's sessions call for: a pending task, the home, or sign-in.
    mutating func settle() -> [Effect] {
        guard let environment, clientLoaded else { return [] }
        let signedIn = client.map(AccountMachine.signedIn) ?? []
        guard let client, let active = client.lastActiveSession, signedIn.contains(active) else {
            // Signed-in accounts but none active: the account switcher.
            if !signedIn.isEmpty, let client { return showHome(client, environment) }
            // A signed-out card already open stays: a refresh answered late must not undo the steps taken on it.
            switch route {
            case .signIn, .signUp: return []
            default: return showSignIn()
            }
        }
        if active.status == .pending, let key = active.tasks?.first?.key {
            if key == .chooseOrganization { return chooseOrganization(active, environment) }
            if case .task(let current) = route, current.sessionID == active.id, current.task == key { return [] }
            route = .task(
                SessionTaskMachine(
                    task: key, sessionID: active.id, identifier: AccountMachine.identifier(active),
                    passwordPolicy: PasswordPolicy(environment.userSettings.passwordSettings),
                    methods: SecondFactorMethods(environment.userSettings), scope: nextScope()))
            return []
        }
        // The call that ended the pending state is answered after this change: the task handles its answer (a
        // setup-MFA task then shows its backup codes, once, until Continue).
        if case .task(let current) = route, current.sessionID == active.id, current.isBusy || current.step == .backupCodes {
            return []
        }
        return showHome(client, environment)
    }

    /// The signed-in home: the one on screen follows the client, otherwise a new one opens.
    private mutating func showHome(_ client: Client, _ environment: Environment) -> [Effect] {
        if case .home(var account) = route {
            let effects = account.update(.clientChanged(client))
            route = .home(account)
            return absorb(effects) { $0.accountFinished($1) }
        }
        var account = AccountMachine(
            client: client, singleSessionMode: environment.authConfig.singleSessionMode,
            organizationsEnabled: environment.organizationSettings.enabled, billing: BillingConfig(environment: environment),
            scope: nextScope())
        let effects = account.start()
        route = .home(account)
        return absorb(effects) { $0.accountFinished($1) }
    }

    /// The OrganizationSwitcher's list for `session`, or, as its `choose-organization` task, the list that must end in
    /// an active organization.
    private mutating func showOrganizations(
        _ session: Session, _ environment: Environment, mode: OrganizationListMachine.Mode
    ) -> [Effect] {
        var machine = OrganizationListMachine(
            mode: mode, sessionID: session.id, identifier: AccountMachine.identifier(session),
            activeOrganizationID: session.lastActiveOrganizationID,
            config: OrganizationsConfig(environment: environment, user: session.user, localFiles: localFiles),
            scope: nextScope())
        let effects = machine.start()
        route = .organizations(machine)
        return absorb(effects) { $0.organizationsFinished($1) }
    }

    private mutating func chooseOrganization(_ session: Session, _ environment: Environment) -> [Effect] {
        if case .organizations(let current) = route, current.sessionID == session.id, current.mode == .task { return [] }
        return showOrganizations(session, environment, mode: .task)
    }

    mutating func showSignIn() -> [Effect] {
        guard let environment else { return [] }
        var config = SignInConfig(
            environment: environment, emailLinkRedirectURL: emailLinkRedirectURL, oauthRedirectURL: oauthRedirectURL)
        config.lastAuthenticationStrategy = client?.lastAuthenticationStrategy
        config.passkeyAccess = passkeyAccess
        var machine = SignInMachine(config: config, scope: nextScope())
        let effects = ticket.map { machine.signIn(ticket: $0) } ?? []
        ticket = nil
        route = .signIn(machine)
        return absorb(effects) { $0.signInFinished($1) }
    }

    mutating func showSignUp() -> [Effect] {
        guard let environment else { return [] }
        route = .signUp(SignUpMachine(config: signUpConfig(environment), scope: nextScope()))
        return []
    }

    func signUpConfig(_ environment: Environment) -> SignUpConfig {
        SignUpConfig(environment: environment, emailLinkRedirectURL: emailLinkRedirectURL)
    }

    /// A new session exists: show it once the client knows it.
    mutating func signedIn(_ sessionID: String?) -> [Effect] {
        if let sessionID, client?.sessions.contains(where: { $0.id == sessionID }) == true {
            client?.lastActiveSessionID = sessionID
            return settle()
        }
        return [send(.loadClient, .client)]
    }

    // MARK: Child outcomes

    mutating func signInFinished(_ outcome: SignInOutcome) -> [Effect] {
        switch outcome {
        case .signedIn(let sessionID):
            return signedIn(sessionID)
        case .activateExistingSession(let id):
            guard let target = id ?? client?.lastActiveSessionID else { return [send(.loadClient, .client)] }
            return [send(.touchSession(id: target, intent: .selectSession), .activate(sessionID: target))]
        case .transferToSignUp(let identifier, let attribute):
            guard let environment else { return [] }
            let (machine, effects) = SignUpMachine.transfer(
                config: signUpConfig(environment), scope: nextScope(), identifier: identifier, attribute: attribute)
            route = .signUp(machine)
            return absorb(effects) { $0.signUpFinished($1) }
        case .transferOAuthToSignUp:
            guard let environment else { return [] }
            let (machine, effects) = SignUpMachine.oauthTransfer(config: signUpConfig(environment), scope: nextScope())
            route = .signUp(machine)
            return absorb(effects) { $0.signUpFinished($1) }
        case .transferTicketToSignUp(let ticket):
            guard let environment else { return [] }
            let (machine, effects) = SignUpMachine.ticket(ticket, config: signUpConfig(environment), scope: nextScope())
            route = .signUp(machine)
            return absorb(effects) { $0.signUpFinished($1) }
        case .signUp:
            // The sign-up card explains waitlist and restricted modes itself.
            return showSignUp()
        case .joinWaitlist:
            return showSignUp() + forward(.signUp(.joinWaitlist))
        }
    }

    mutating func signUpFinished(_ outcome: SignUpOutcome) -> [Effect] {
        switch outcome {
        case .signedUp(let sessionID): signedIn(sessionID)
        case .signIn: showSignIn()
        }
    }

    mutating func accountFinished(_ outcome: AccountOutcome) -> [Effect] {
        switch outcome {
        case .manageAccount(let sessionID):
            return showProfile(sessionID)
        case .organizations(let sessionID):
            guard let environment, let session = client?.sessions.first(where: { $0.id == sessionID }) else { return [] }
            return showOrganizations(session, environment, mode: .switcher)
        case .manageOrganization(let sessionID):
            return manageOrganization(sessionID)
        case .plans(let sessionID):
            return showPlans(sessionID)
        case .addAccount:
            return showSignIn()
        case .switched(let sessionID):
            client?.lastActiveSessionID = sessionID
            return settle()
        case .signedOut:
            client?.sessions.removeAll()
            client?.lastActiveSessionID = nil
            return showSignIn()
        }
    }

    mutating func profileFinished(_ outcome: ProfileOutcome) -> [Effect] {
        switch outcome {
        case .close:
            return settle()
        case .sessionEnded:
            return [send(.loadClient, .client)]
        case .billing(let handOff):
            return billingHandOff(handOff, origin: .profile)
        }
    }

    /// UserProfile of `sessionID`, on `page`.
    mutating func showProfile(_ sessionID: String, page: ProfileMachine.Page? = nil) -> [Effect] {
        guard let environment else { return [] }
        var config = ProfileConfig(environment: environment, localFiles: localFiles, oauthRedirectURL: oauthRedirectURL)
        config.passkeyAccess = passkeyAccess
        var profile = ProfileMachine(sessionID: sessionID, client: client, config: config, scope: nextScope())
        var effects = profile.start()
        if let page { effects += profile.update(.showPage(page)) }
        route = .profile(profile)
        return absorb(effects) { $0.profileFinished($1) }
    }

    mutating func taskFinished(_ outcome: SessionTaskOutcome) -> [Effect] {
        switch outcome {
        case .completed:
            // The task's last card is gone: the client says what comes next.
            route = .loading
            return [send(.loadClient, .client)]
        case .signOut(let sessionID): return signOut(sessionID)
        }
    }

    mutating func organizationsFinished(_ outcome: OrganizationListOutcome) -> [Effect] {
        switch outcome {
        case .close: settle()
        case .selected: [send(.loadClient, .client)]
        case .manage(let sessionID): manageOrganization(sessionID)
        case .signOut(let sessionID): signOut(sessionID)
        }
    }

    mutating func organizationProfileFinished(_ outcome: OrganizationProfileOutcome) -> [Effect] {
        switch outcome {
        case .close: settle()
        case .left: [send(.loadClient, .client)]
        case .billing(let handOff): billingHandOff(handOff, origin: .organizationProfile)
        }
    }

    /// OrganizationProfile of the session's active organization, on `page`.
    mutating func manageOrganization(_ sessionID: String, page: OrganizationProfileMachine.Page? = nil) -> [Effect] {
        guard let environment, let session = client?.sessions.first(where: { $0.id == sessionID }),
              let membership = session.user?.organizationMemberships?
                  .first(where: { $0.organization.id == session.lastActiveOrganizationID })
        else { return [] }
        var machine = OrganizationProfileMachine(
            sessionID: sessionID, userID: session.user?.id, membership: membership,
            config: OrganizationProfileConfig(environment: environment, localFiles: localFiles), scope: nextScope())
        var effects = machine.start()
        if let page { effects += machine.update(.showPage(page)) }
        route = .organizationProfile(machine)
        return absorb(effects) { $0.organizationProfileFinished($1) }
    }

    /// Signs `sessionID` out: only it when others are signed in, else the whole client.
    private mutating func signOut(_ sessionID: String) -> [Effect] {
        let signedIn = client?.sessions.filter { $0.status == .active || $0.status == .pending } ?? []
        let call: BackendCall = signedIn.count > 1 ? .removeSession(id: sessionID) : .signOutAll
        return [send(call, .signOut)]
    }

    // MARK: Helpers

    /// Passes a child's calls and timers through and handles its outcome.
    mutating func absorb<Outcome>(
        _ effects: [FlowEffect<Outcome>], _ finished: (inout PortalMachine, Outcome) -> [Effect]
    ) -> [Effect] {
        var result: [Effect] = []
        for effect in effects {
            if let outcome = effect.outcome {
                result += finished(&self, outcome)
            } else if let forwarded: Effect = effect.forwarded() {
                result.append(forwarded)
            }
        }
        return result
    }

    mutating func send(_ call: BackendCall, _ purpose: Purpose) -> Effect { requests.send(call, purpose) }

    /// A fresh scope for a new child, so answers and timers of an old child never reach it.
    mutating func nextScope() -> Int {
        lastScope += 1
        return lastScope
    }
}
