import FrontendAPI

extension OrganizationListMachine {
    /// The first effects: the three lists.
    public mutating func start() -> [Effect] {
        [load(.memberships), load(.invitations), load(.suggestions)]
    }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .select(let organizationID):
            return select(organizationID)
        case .join(let id):
            guard !isBusy else { return [] }
            errors = .none
            return [send(.acceptInvitation(id: id), .join(invitationID: id))]
        case .requestToJoin(let id):
            guard !isBusy else { return [] }
            errors = .none
            return [send(.acceptSuggestion(id: id), .requestToJoin(suggestionID: id))]
        case .loadMore:
            guard hasMoreMemberships, !isBusy else { return [] }
            return [send(.memberships(offset: memberships.count), .loadMore)]
        case .manage:
            guard mode == .switcher, activeOrganizationID != nil, !isBusy else { return [] }
            return [.finish(.manage(sessionID: sessionID))]
        case .create:
            guard config.createEnabled, step == .list else { return [] }
            errors = .none
            step = .create
            return []
        case .fieldChanged(let field, let text):
            form.set(field, text)
            errors.fields[field.rawValue] = nil
            return []
        case .submit:
            guard step == .create, !isBusy else { return [] }
            errors = .none
            return submitCreate()
        case .back:
            return back()
        case .signOut:
            return mode == .task ? [.finish(.signOut(sessionID: sessionID))] : []
        case .retry:
            return retryLoads()
        case .response(let id, let outcome):
            return receive(id, outcome)
        }
    }

    private mutating func select(_ organizationID: String?) -> [Effect] {
        guard !isBusy, step == .list else { return [] }
        guard organizationID != activeOrganizationID || mode == .task else { return [.finish(.close)] }
        guard organizationID != nil || offersPersonalAccount else { return [] }
        errors = .none
        return [requests.send(.selectOrganization(sessionID: sessionID, organizationID: organizationID), .select)]
    }

    /// Creates the organization, then uploads its logo, then makes it active; a step that failed is taken again.
    mutating func submitCreate() -> [Effect] {
        guard let created else {
            let name = form.name.trimmingCharacters(in: .whitespaces)
            let slug = config.slugDisabled ? nil : form.slug.trimmingCharacters(in: .whitespaces)
            return [send(.create(name: name, slug: slug), .create)]
        }
        let logo = config.localFiles ? form.logoPath.trimmingCharacters(in: .whitespaces) : ""
        if !logo.isEmpty, created.hasImage == false {
            return [send(.setLogo(organizationID: created.id, path: logo), .logo)]
        }
        return [requests.send(.selectOrganization(sessionID: sessionID, organizationID: created.id), .select)]
    }

    private mutating func back() -> [Effect] {
        switch step {
        case .create where created == nil && canLeaveCreate:
            step = .list
            errors = .none
            requests.forget { $0 == .create || $0 == .logo }
            return []
        case .list where mode == .switcher:
            return [.finish(.close)]
        default:
            return []
        }
    }

    /// The task's create form returns to a list only when there is one.
    public var canLeaveCreate: Bool {
        mode == .switcher || !(memberships.isEmpty && invitations.isEmpty && suggestions.isEmpty)
    }

    /// "Try again": the lists that did not load, or the action that met an unreachable server.
    private mutating func retryLoads() -> [Effect] {
        guard !isBusy else { return [] }
        let missing: [List] = [.memberships, .invitations, .suggestions].filter { !loaded.contains($0) }
        guard missing.isEmpty else {
            requests.unavailable = nil
            return missing.map { load($0) }
        }
        return retry()
    }

    mutating func load(_ list: List) -> Effect {
        switch list {
        case .memberships: send(.memberships(offset: 0), .load(.memberships))
        case .invitations: send(.invitations(offset: 0), .load(.invitations))
        case .suggestions: send(.suggestions(offset: 0, includeAccepted: true), .load(.suggestions))
        }
    }

    mutating func send(_ call: OrganizationCall, _ purpose: Purpose) -> Effect {
        requests.send(.organizations(sessionID: sessionID, call), purpose)
    }
}
