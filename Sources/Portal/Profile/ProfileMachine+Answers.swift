import FrontendAPI

extension ProfileMachine {
    mutating func succeeded(_ pending: PendingCall, _ result: BackendResult) -> [Effect] {
        if let user = result.user { self.user = user }
        switch pending.purpose {
        case .loadUser:
            return []
        case .loadDevices:
            if case .sessions(let sessions) = result { devices = sessions }
            return []
        case .saveProfile(let imagePath):
            guard let imagePath else { return closeCard(Copy.Profile.profileUpdated) }
            return [send(.setProfileImage(path: imagePath), .uploadImage)]
        case .uploadImage:
            return closeCard(Copy.Profile.profileUpdated) + reloadUser()
        case .saveUsername:
            return closeCard(Copy.Profile.usernameUpdated)
        case .createEmail:
            guard let email = result.emailAddress else { return [] }
            return [send(.prepareEmailVerification(id: email.id), .prepareEmail(id: email.id))]
        case .prepareEmail(let id):
            form.code = SecretText()
            step = .verifyEmail(id: id)
            return []
        case .attemptEmail:
            let address = result.emailAddress?.emailAddress ?? ""
            return closeCard(Copy.Profile.emailAdded(address)) + reloadUser()
        case .setPrimary(let identifier):
            return closeCard(Copy.Profile.primaryChanged(identifier))
        case .createPhone:
            guard let phone = result.phoneNumber else { return [] }
            return [send(.preparePhoneVerification(id: phone.id), .preparePhone(id: phone.id))]
        case .preparePhone(let id):
            form.code = SecretText()
            step = .verifyPhone(id: id)
            return []
        case .attemptPhone:
            let number = result.phoneNumber?.phoneNumber ?? ""
            return closeCard(Copy.Profile.phoneAdded(number)) + reloadUser()
        case .reservePhone:
            let codes = result.phoneNumber?.backupCodes ?? []
            leave()
            if codes.isEmpty { success = Copy.Profile.smsEnabledTitle } else { showCodes(codes, title: Copy.Profile.smsEnabledTitle, message: Copy.Profile.smsEnabledMessage) }
            return reloadUser()
        case .setDefaultSecondFactor:
            return closeCard() + reloadUser()
        case .changePassword(let signedOutOthers):
            let done = user?.passwordEnabled == true ? Copy.Profile.passwordUpdated : Copy.Profile.passwordSet
            let message = signedOutOthers ? done + " " + Copy.Profile.otherDevicesSignedOut : done
            return closeCard(message) + (page == .security ? [send(.activeSessions, .loadDevices)] : [])
        case .createTOTP:
            totp = result.totp
            return []
        case .verifyTOTP:
            let codes = result.totp?.backupCodes ?? []
            leave()
            showCodes(codes, title: Copy.Tasks.authenticatorEnabledTitle, message: Copy.Tasks.authenticatorEnabledMessage)
            return reloadUser()
        case .createBackupCodes:
            guard case .backupCodes(let codes) = result else { return [] }
            leave()
            showCodes(codes.codes, title: Copy.Profile.backupCodesTitle, message: Copy.Profile.backupCodesSubtitle)
            return reloadUser()
        case .renamePasskey:
            return closeCard() + reloadUser()
        case .remove(let removal, let label):
            return removed(removal, label: label)
        case .connectAccount(let provider):
            guard case .externalAccount(let account) = result,
                  let url = account.verification?.externalVerificationRedirectURL else {
                errors.card = Copy.Profile.connectFailed(provider)
                return []
            }
            leave()
            step = .connectingAccount(provider: provider, url: url, accountID: account.id)
            return [.openExternally(url), .startTimer(pollTimer, every: Self.pollInterval, repeats: true)]
        case .pollConnection(let id):
            guard case .connectingAccount(let provider, _, id) = step,
                  let verification = user?.externalAccounts.first(where: { $0.id == id })?.verification else { return [] }
            switch verification.status {
            case .verified:
                return [.cancelTimer(pollTimer)] + closeCard(Copy.Profile.accountConnected(provider))
            case .failed, .expired:
                // Refused in the browser (cancelled, or the account belongs to someone else): say why, stop waiting.
                leave()
                errors.card = verification.error?.longMessage ?? Copy.Profile.connectFailed(provider)
                return [.cancelTimer(pollTimer)]
            default:
                return []
            }
        case .deleteAccount:
            return [.finish(.sessionEnded)]
        case .verification:
            guard let verification = result.verification else { return [] }
            return verified(verification)
        }
    }

    mutating func failed(_ pending: PendingCall, _ failure: PortalFailure) -> [Effect] {
        if case .unavailable = failure {
            if !pending.purpose.isBackground { requests.unavailable = pending }
            return []
        }
        if failure.has(code: "session_reverification_required"), pending.purpose != .verification {
            return pending.isReverifiedRetry ? showError(failure, for: pending) : startReverification(pending, failure)
        }
        return showError(failure, for: pending)
    }

    /// Puts a Clerk error under the field it names, or on the card.
    private mutating func showError(_ failure: PortalFailure, for pending: PendingCall) -> [Effect] {
        switch pending.purpose {
        case .loadUser, .loadDevices, .pollConnection:
            return []
        case .attemptEmail, .attemptPhone, .verifyTOTP:
            form.code = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code"])
        case .verification:
            form.code = SecretText()
            form.currentPassword = SecretText()
            errors = FormErrors(failure.errors, fieldNames: ["code", "password"])
        case .changePassword:
            errors = FormErrors(failure.errors, fieldNames: ["new_password", "current_password", "password"])
            if let message = errors.fields.removeValue(forKey: "password") { errors.fields["new_password"] = message }
        default:
            errors = FormErrors(failure.errors, fieldNames: Set(ProfileField.allCases.map(\.rawValue)))
        }
        if let seconds = failure.rateLimitSeconds { errors.card = Copy.rateLimited(seconds: seconds) }
        return []
    }

    /// After a removal: back to the page with Clerk's message, and the lists reloaded.
    private mutating func removed(_ removal: Removal, label: String) -> [Effect] {
        let message: String? =
            switch removal {
            case .email: Copy.Profile.emailRemoved(label)
            case .phone: Copy.Profile.phoneRemoved(label)
            case .externalAccount: Copy.Profile.connectedAccountRemoved(label)
            case .profileImage: Copy.Profile.imageRemoved
            case .passkey: nil
            case .totp: Copy.Profile.totpRemoved
            case .mfaPhone: Copy.Profile.smsRemoved(label)
            case .device: Copy.Profile.deviceSignedOut
            }
        if case .device(let id) = removal { devices.removeAll { $0.id == id } }
        return closeCard(message) + reloadUser()
    }

    private mutating func showCodes(_ codes: [String], title: String, message: String) {
        backupCodes = codes
        step = .backupCodes(title: title, message: message)
        if config.localFiles { form[.backupCodesPath] = "~/\(Self.fileName(config.applicationName))_backup_codes.txt" }
    }

    /// Clerk names the download `<application>_backup_codes.txt`; kept to characters safe in a file name.
    static func fileName(_ application: String) -> String {
        let safe = application.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return safe.isEmpty ? "clerk" : String(safe)
    }

    /// The user as the server now has it (the piggy-backed client may not carry it).
    mutating func reloadUser() -> [Effect] { [send(.loadUser, .loadUser)] }

    mutating func saved(_ outcome: BackendOutcome) -> [Effect] {
        guard let save = fileSave else { return [] }
        fileSave = nil
        switch outcome {
        case .success:
            success = Copy.Profile.codesSaved(save.path)
            errors = .none
        case .failure(let failure):
            success = nil
            errors = FormErrors(failure.errors, fieldNames: [ProfileField.backupCodesPath.rawValue])
        }
        return []
    }

    // MARK: Names for views and copy

    /// "Google", "GitHub": the provider of an external account.
    public static func providerName(_ account: ExternalAccount) -> String {
        let id = account.provider.hasPrefix("oauth_") ? String(account.provider.dropFirst(6)) : account.provider
        switch id {
        case "github": return "GitHub"
        case "gitlab": return "GitLab"
        case "linkedin", "linkedin_oidc": return "LinkedIn"
        default: return id.prefix(1).uppercased() + id.dropFirst()
        }
    }

    /// "Desktop · Firefox 120" from a session's latest activity.
    public static func deviceName(_ session: Session) -> String {
        let activity = session.latestActivity
        let kind = activity?.deviceType ?? (activity?.isMobile == true ? Copy.Profile.mobile : Copy.Profile.desktop)
        let browser = [activity?.browserName, activity?.browserVersion].compactMap { $0 }.joined(separator: " ")
        return browser.isEmpty ? kind : "\(kind) · \(browser)"
    }
}
