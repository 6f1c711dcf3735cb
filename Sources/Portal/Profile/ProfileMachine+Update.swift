import FrontendAPI

extension ProfileMachine {
    /// The first effects: the user as the server has it now.
    public mutating func start() -> [Effect] { [reloadSubject()] }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .clientChanged(let client):
            guard let session = client?.sessions.first(where: { $0.id == sessionID }), session.status == .active else {
                return closeCard() + [.finish(.sessionEnded)]
            }
            if let user = session.user { self.user = user }
            return []
        case .showPage(let page):
            return show(page)
        case .section(let event):
            return route(event)
        case .textChanged(let field, let text):
            edit(field, text)
            return []
        case .currentPasswordChanged(let text):
            form.currentPassword = text
            errors.fields["current_password"] = nil
            return []
        case .newPassword(let edit):
            form.newPassword.apply(edit, errors: &errors, passwordField: "new_password")
            return []
        case .codeChanged(let text):
            return editCode(text) && codeSubmitsItself ? submit() : []
        case .card(let edit):
            editCard(edit)
            return []
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
        if let reverification { return ![.backupCode, .passkey].contains(reverification.factor?.strategy) }
        return openCodeSubmitsItself
    }
}
