import FrontendAPI

extension ProfileMachine {
    /// The first effects: the user as the server has it now.
    public mutating func start() -> [Effect] { reloadUser() }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .clientChanged(let client):
            guard let session = client?.sessions.first(where: { $0.id == sessionID }), session.status == .active else {
                return stopPolling() + [.finish(.sessionEnded)]
            }
            if let user = session.user { self.user = user }
            return []
        case .showPage(let page):
            self.page = page
            leave()
            success = nil
            return page == .security ? [send(.activeSessions, .loadDevices)] : []
        case .open(let step):
            leave()
            success = nil
            self.step = step
            fill(for: step)
            return opened(step)
        case .textChanged(let field, let text):
            form[field] = text
            errors.fields[field.rawValue] = nil
            return []
        case .currentPasswordChanged(let text):
            form.currentPassword = text
            errors.fields["current_password"] = nil
            return []
        case .newPasswordChanged(let text):
            form.newPassword.password = text
            errors.fields["new_password"] = nil
            return []
        case .confirmPasswordChanged(let text):
            form.newPassword.confirmation = text
            errors.fields["confirm_password"] = nil
            return []
        case .codeChanged(let text):
            form.code = text
            errors.fields["code"] = nil
            let digits = text.count == Self.codeLength && text.value.allSatisfy(\.isNumber)
            return digits && !isBusy && codeSubmitsItself ? submit() : []
        case .toggleSignOutOfOtherSessions:
            form.newPassword.signOutOfOtherSessions.toggle()
            return []
        case .toggleKey:
            showsKey.toggle()
            return []
        case .verifyEmail(let id):
            return busyGuard { [$0.send(.prepareEmailVerification(id: id), .prepareEmail(id: id))] }
        case .setPrimaryEmail(let id):
            let address = user?.emailAddresses.first { $0.id == id }?.emailAddress ?? ""
            return busyGuard {
                [$0.send(.updateUser(UserChanges(primaryEmailAddressID: id)), .setPrimary(identifier: address))]
            }
        case .verifyPhone(let id):
            return busyGuard { [$0.send(.preparePhoneVerification(id: id), .preparePhone(id: id))] }
        case .setPrimaryPhone(let id):
            let number = user?.phoneNumbers.first { $0.id == id }?.phoneNumber ?? ""
            return busyGuard {
                [$0.send(.updateUser(UserChanges(primaryPhoneNumberID: id)), .setPrimary(identifier: number))]
            }
        case .reservePhoneForSecondFactor(let id):
            let call = ProfileCall.updatePhoneNumber(id: id, reservedForSecondFactor: true, defaultSecondFactor: nil)
            return busyGuard { [$0.send(call, .reservePhone(id: id))] }
        case .setDefaultSecondFactor(let id):
            let call = ProfileCall.updatePhoneNumber(id: id, reservedForSecondFactor: nil, defaultSecondFactor: true)
            return busyGuard { [$0.send(call, .setDefaultSecondFactor)] }
        case .chooseTOTP:
            return busyGuard { [$0.send(.createTOTP, .createTOTP)] }
        case .connect(let provider):
            guard let redirect = config.oauthRedirectURL else { return [] }
            let call = ProfileCall.createExternalAccount(strategy: provider.strategy, redirectURL: redirect)
            return busyGuard { [$0.send(call, .connectAccount(provider: provider.name))] }
        case .reconnect(let id):
            guard let redirect = config.oauthRedirectURL,
                  let account = user?.externalAccounts.first(where: { $0.id == id }) else { return [] }
            let call = ProfileCall.reauthorizeExternalAccount(id: id, redirectURL: redirect)
            return busyGuard { [$0.send(call, .connectAccount(provider: Self.providerName(account)))] }
        case .timerFired(let timer):
            guard timer == pollTimer, case .connectingAccount(_, _, let id) = step,
                  !requests.contains(.pollConnection(accountID: id)) else { return [] }
            return [send(.loadUser, .pollConnection(accountID: id))]
        case .saveBackupCodes:
            let path = form[.backupCodesPath].trimmingCharacters(in: .whitespaces)
            guard config.localFiles, !path.isEmpty, !backupCodes.isEmpty, !isBusy else { return [] }
            let id = requests.nextID()
            fileSave = FileSave(id: id, path: path)
            return [.saveFile(id, path: path, contents: SecretText(backupCodes.joined(separator: "\n") + "\n"))]
        case .resendCode:
            return resend()
        case .useAnotherFactor:
            guard var state = reverification, state.factors.count > 1, !isBusy else { return [] }
            state.factorIndex = (state.factorIndex + 1) % state.factors.count
            reverification = state
            form.code = SecretText()
            form.currentPassword = SecretText()
            errors = .none
            return prepareFactor()
        case .submit:
            guard !isBusy else { return [] }
            return submit()
        case .back:
            return back()
        case .retry:
            guard !isBusy, let retry: Effect = requests.retry() else { return [] }
            return [retry]
        case .response(let id, let outcome) where fileSave?.id == id:
            return saved(outcome)
        case .response(let id, let outcome):
            guard let pending = requests.answered(id) else { return [] }
            switch outcome {
            case .success(let result): return succeeded(pending, result)
            case .failure(let failure): return failed(pending, failure)
            }
        }
    }

    // MARK: Navigation

    /// Leaves the current card: its fields, errors and in-flight answers go with it.
    mutating func leave() {
        step = .overview
        form = ProfileForm()
        errors = .none
        requests.unavailable = nil
        reverification = nil
        totp = nil
        showsKey = false
        backupCodes = []
        fileSave = nil
        requests.forget { $0 != .loadDevices && $0 != .loadUser }
    }

    private mutating func back() -> [Effect] {
        if case .connectingAccount = step {
            let stop = stopPolling()
            leave()
            return stop + reloadUser()
        }
        if step == .reverify, let state = reverification {
            reverification = nil
            step = state.returnStep
            errors = .none
            requests.forgetAll()
            return []
        }
        if step == .overview { return [.finish(.close)] }
        leave()
        return []
    }

    /// Stops re-reading the user for a provider being connected, if that is under way.
    private func stopPolling() -> [Effect] {
        if case .connectingAccount = step { [.cancelTimer(pollTimer)] } else { [] }
    }

    /// Fills the form from the user for cards that edit a value.
    private mutating func fill(for step: Step) {
        switch step {
        case .editProfile:
            form[.firstName] = user?.firstName ?? ""
            form[.lastName] = user?.lastName ?? ""
        case .editUsername:
            form[.username] = user?.username ?? ""
        case .addPhone:
            form[.countryCode] = "+1"
        case .renamePasskey(let id):
            form[.passkeyName] = user?.passkeys.first { $0.id == id }?.name ?? ""
        default:
            break
        }
    }

    /// Calls a card needs as it opens.
    private mutating func opened(_ step: Step) -> [Effect] {
        switch step {
        case .addTOTP: [send(.createTOTP, .createTOTP)]
        default: []
        }
    }

    /// A complete six-digit code submits by itself on these cards.
    private var codeSubmitsItself: Bool {
        switch step {
        case .verifyEmail, .verifyPhone, .addTOTP: true
        case .reverify: reverification?.factor?.strategy != .backupCode
        default: false
        }
    }

    private mutating func busyGuard(_ body: (inout Self) -> [Effect]) -> [Effect] {
        guard !isBusy else { return [] }
        errors = .none
        success = nil
        return body(&self)
    }

    // MARK: Calls

    mutating func send(_ call: ProfileCall, _ purpose: Purpose) -> Effect {
        requests.send(.profile(sessionID: sessionID, call), purpose)
    }

    private mutating func resend() -> [Effect] {
        guard !isBusy else { return [] }
        errors = .none
        switch step {
        case .verifyEmail(let id): return [send(.prepareEmailVerification(id: id), .prepareEmail(id: id))]
        case .verifyPhone(let id): return [send(.preparePhoneVerification(id: id), .preparePhone(id: id))]
        case .reverify: return prepareFactor()
        default: return []
        }
    }
}
