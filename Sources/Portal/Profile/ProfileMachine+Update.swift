import FrontendAPI

extension ProfileMachine {
    /// The first effects: the user as the server has it now.
    public mutating func start() -> [Effect] { [reloadUser()] }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .clientChanged(let client):
            guard let session = client?.sessions.first(where: { $0.id == sessionID }), session.status == .active else {
                return closeCard() + [.finish(.sessionEnded)]
            }
            if let user = session.user { self.user = user }
            return []
        case .showPage(let page):
            self.page = page
            let effects = leave()
            success = nil
            return effects + showPage()
        case .section(let event):
            return route(event)
        case .textChanged(let field, let text):
            form[field] = text
            errors.fields[field.rawValue] = nil
            return []
        case .currentPasswordChanged(let text):
            form.currentPassword = text
            errors.fields["current_password"] = nil
            return []
        case .newPassword(let edit):
            form.newPassword.apply(edit, errors: &errors, passwordField: "new_password")
            return []
        case .codeChanged(let text):
            form.code = text
            errors.fields["code"] = nil
            let digits = text.count == Self.codeLength && text.value.allSatisfy(\.isNumber)
            return digits && !isBusy && codeSubmitsItself ? submit() : []
        case .submit:
            guard !isBusy else { return [] }
            return submit()
        case .resendCode:
            guard !isBusy, reverification != nil else { return [] }
            errors = .none
            return prepareFactor()
        case .useAnotherFactor:
            return useAnotherFactor()
        case .back:
            return back()
        case .retry:
            return retry()
        case .response(let id, let outcome):
            return receive(id, outcome)
        case .timerFired(let timer):
            return fire(timer)
        }
    }

    // MARK: Navigation

    /// Leaves the card on screen: its fields, errors and calls on their way go with it.
    mutating func leave() -> [Effect] {
        let effects = closeCard()
        form = ProfileForm()
        errors = .none
        return effects
    }

    /// Closes the card on screen: its section stops and forgets it, and its calls on their way are dropped.
    mutating func closeCard() -> [Effect] {
        var effects: [Effect] = []
        if let id = open {
            effects = run(id, .closed)
            open = nil
        }
        requests.unavailable = nil
        reverification = nil
        requests.forget { !$0.isBackground }
        return effects
    }

    private mutating func route(_ event: SectionEvent) -> [Effect] {
        switch event.kind {
        case .open(let step):
            var effects = leave()
            success = nil
            open = event.section
            effects += run(event.section, .open(step))
            return effects
        case .act(let action):
            return run(event.section, .act(action))
        }
    }

    private mutating func submit() -> [Effect] {
        if reverification != nil { return attemptFactor() }
        errors = .none
        guard let id = open else { return [] }
        return run(id, .submit)
    }

    private mutating func back() -> [Effect] {
        if reverification != nil {
            reverification = nil
            errors = .none
            requests.forgetAll()
            return []
        }
        guard let id = open else { return [.finish(.close)] }
        return run(id, .back)
    }

    /// A complete six-digit code submits the card by itself, except a backup code.
    private var codeSubmitsItself: Bool {
        if let reverification { return reverification.factor?.strategy != .backupCode }
        return open.flatMap { sections[id: $0]?.codeSubmitsItself } ?? false
    }

    /// Tells the sections of the page on screen that it is shown.
    private mutating func showPage() -> [Effect] {
        ProfileSections.on(page).flatMap { run(ObjectIdentifier($0), .pageShown) }
    }

    mutating func reloadUser() -> Effect { requests.send(.profile(sessionID: sessionID, .loadUser), .loadUser) }

    // MARK: Sections

    /// Hands `input` to section `id` and carries out what it asked for. A section that opened a card of its own
    /// (an action on its row led to a card) is the one on screen from then on.
    mutating func run(_ id: ObjectIdentifier, _ input: SectionInput) -> [Effect] {
        guard var section = sections[id: id] else { return [] }
        let output = section.handle(input, in: self)
        sections[id: id] = section
        var effects: [Effect] = []
        if section.step != nil, open != id {
            if let previous = open { effects = run(previous, .closed) }
            open = id
        }
        form = output.form
        errors = output.errors
        success = output.success
        return effects + output.requests.flatMap { perform($0, from: id) }
    }

    private mutating func perform(_ request: SectionRequest<SectionValue>, from id: ObjectIdentifier) -> [Effect] {
        switch request {
        case .send(let request, let purpose, let isBackground):
            return [requests.send(request, .section(id, purpose, isBackground: isBackground))]
        case .closeCard:
            return closeCard()
        case .show(let section):
            let target = ObjectIdentifier(type(of: section))
            var effects = closeCard()
            sections[id: target] = section
            open = target
            effects += run(target, .open(nil))
            return effects
        case .reloadUser:
            return [reloadUser()]
        case .reloadPage:
            return showPage()
        case .startTimer(let kind, let interval):
            return [.startTimer(requests.timer(kind), every: interval, repeats: true)]
        case .cancelTimer(let kind):
            return [.cancelTimer(requests.timer(kind))]
        case .openExternally(let url):
            return [.openExternally(url)]
        case .finish(let outcome):
            return [.finish(outcome)]
        }
    }
}
