import FrontendAPI

extension AccountMachine {
    /// The first effects: with organizations, the pending invitations and suggestions the switcher counts.
    public mutating func start() -> [Effect] {
        guard organizationsEnabled, let id = activeSessionID else { return [] }
        pendingOrganizationCount = 0
        return [
            send(.organizations(sessionID: id, .invitations(offset: 0)), .countPending),
            send(.organizations(sessionID: id, .suggestions(offset: 0, includeAccepted: false)), .countPending),
        ]
    }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .clientChanged(let client):
            sessions = Self.signedIn(client)
            activeSessionID = client.lastActiveSessionID
            if sessions.isEmpty { return [.finish(.signedOut)] }
            if activeSession == nil { step = .chooseAccount }
            return []
        case .openMenu:
            guard step == .home else { return [] }
            step = .menu
            errors = .none
            return []
        case .closeMenu:
            guard step == .menu else { return [] }
            step = .home
            return []
        case .openOrganizations:
            guard organizationsEnabled, step == .home, let id = activeSessionID else { return [] }
            return [.finish(.organizations(sessionID: id))]
        case .manageOrganization:
            guard step == .home, activeMembership != nil, let id = activeSessionID else { return [] }
            return [.finish(.manageOrganization(sessionID: id))]
        case .openPlans:
            guard step == .home, offersPlans, let id = activeSessionID else { return [] }
            return [.finish(.plans(sessionID: id))]
        case .select(let item):
            guard !isBusy else { return [] }
            errors = .none
            return select(item)
        case .retry:
            return retry()
        case .response(let id, let outcome):
            return receive(id, outcome)
        }
    }

    private mutating func select(_ item: Item) -> [Effect] {
        switch item {
        case .manageAccount:
            guard let id = activeSessionID else { return [] }
            step = .home
            return [.finish(.manageAccount(sessionID: id))]
        case .switchTo(let session):
            return [send(.touchSession(id: session.id, intent: .selectSession), .touch(session.id))]
        case .addAccount:
            guard !singleSessionMode else { return [] }
            step = .home
            return [.finish(.addAccount)]
        case .signOut:
            // Signing out of one of several accounts removes only it; the last one ends the client's sessions.
            guard let id = activeSessionID else { return [] }
            if singleSessionMode || sessions.count <= 1 { return [send(.signOutAll, .signOutAll)] }
            return [send(.removeSession(id: id), .remove(id))]
        case .signOutAll:
            return [send(.signOutAll, .signOutAll)]
        }
    }

    mutating func send(_ call: BackendCall, _ purpose: Purpose) -> Effect { requests.send(call, purpose) }
}

extension AccountMachine: TrackedFlow {
    var canRetry: Bool { !isBusy }

    func isBackground(_ purpose: Purpose) -> Bool { purpose == .countPending }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        switch pending.purpose {
        case .countPending:
            switch result {
            case .invitations(let page): pendingOrganizationCount += page.totalCount
            case .suggestions(let page): pendingOrganizationCount += page.totalCount
            default: break
            }
            return []
        case .touch(let id):
            activeSessionID = id
            step = .home
            return [.finish(.switched(sessionID: id))]
        case .remove(let id):
            sessions.removeAll { $0.id == id }
            if activeSessionID == id { activeSessionID = nil }
            if sessions.isEmpty { return [.finish(.signedOut)] }
            step = .chooseAccount
            return []
        case .signOutAll:
            sessions = []
            activeSessionID = nil
            return [.finish(.signedOut)]
        }
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        errors = FormErrors(failure.errors, fieldNames: [])
        return []
    }
}
