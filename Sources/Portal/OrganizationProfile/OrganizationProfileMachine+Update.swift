import FrontendAPI

extension OrganizationProfileMachine {
    /// The first effects: the organization as the server has it, its roles for a member who manages others, and the
    /// General page's lists.
    public mutating func start() -> [Effect] {
        var effects = [reloadSubject()]
        if can(OrganizationPermission.manageMembers) {
            effects.append(requests.send(.organization(sessionID: sessionID, organizationID: organization.id, .roles), .roles))
        }
        return effects + pageShown()
    }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .clientChanged(let client):
            return clientChanged(client)
        case .showPage(let page):
            return show(page)
        case .section(let event):
            return route(event)
        case .textChanged(let field, let text):
            edit(field, text)
            return []
        case .codeChanged(let text):
            return editCode(text) && openCodeSubmitsItself ? submit() : []
        case .card(let edit):
            editCard(edit)
            return []
        case .submit:
            guard !isBusy else { return [] }
            return submit()
        case .back:
            guard let id = open else { return [.finish(.close)] }
            return run(id, .back)
        case .retry:
            return retry()
        case .response(let id, let outcome):
            return receive(id, outcome)
        case .timerFired(let timer):
            return fire(timer)
        }
    }

    /// The membership as the client now has it: a new role changes what the pages offer; none means the user is
    /// no longer a member.
    private mutating func clientChanged(_ client: Client?) -> [Effect] {
        guard let session = client?.sessions.first(where: { $0.id == sessionID }), session.status == .active,
              let memberships = session.user?.organizationMemberships
        else { return [] }
        guard let current = memberships.first(where: { $0.organization.id == organization.id }) else {
            return closeCard() + [.finish(.left)]
        }
        membership = current
        return []
    }

    private mutating func submit() -> [Effect] {
        errors = .none
        guard let id = open else { return [] }
        return run(id, .submit)
    }
}

extension OrganizationProfileMachine: TrackedFlow {
    var canRetry: Bool { !isBusy }

    func isBackground(_ purpose: Purpose) -> Bool { purpose.isBackground }

    mutating func succeeded(_ pending: Pending, _ result: BackendResult) -> [Effect] {
        switch pending.purpose {
        case .reload:
            if case .organization(let organization) = result { self.organization = organization }
            return []
        case .roles:
            if case .roles(let page) = result { roles = page.data }
            return []
        case .section(let id, let purpose, _):
            if case .organization(let organization) = result { self.organization = organization }
            return run(id, .answered(purpose, .success(result)))
        }
    }

    mutating func failed(_ pending: Pending, _ failure: PortalFailure) -> [Effect] {
        guard case .section(let id, let purpose, _) = pending.purpose else { return [] }
        let effects = run(id, .answered(purpose, .failure(failure)))
        if let seconds = failure.rateLimitSeconds { errors.card = Copy.rateLimited(seconds: seconds) }
        return effects
    }

    /// Timers belong to the card on screen.
    mutating func timerFired(_ kind: TimerID.Kind) -> [Effect] {
        guard let id = open else { return [] }
        return run(id, .timerFired(kind))
    }
}
