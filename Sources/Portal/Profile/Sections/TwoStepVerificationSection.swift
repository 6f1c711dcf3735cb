import FrontendAPI

/// "Two-step verification": add an authenticator app or SMS codes, make a number the default, remove a method.
/// New backup codes are shown by ``BackupCodesSection``.
public struct TwoStepVerificationSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Add two-step verification": the methods not set up yet.
        case choose
        /// The authenticator's QR code (or key) and its first code.
        case addAuthenticator
        /// "Add SMS code verification": the verified numbers to use.
        case choosePhone
        case authenticatorMenu
        /// What can be done with the SMS number `id`.
        case phoneMenu(id: String)
        case removeAuthenticator
        /// Stop sending SMS codes to number `id`.
        case removePhone(id: String)
    }

    public enum Action: Equatable, Sendable {
        /// Use the verified number `id` for SMS codes.
        case reservePhone(id: String)
        case setDefault(phoneID: String)
        /// "Can't scan QR code?" / "Scan QR code instead".
        case toggleKey
    }

    enum Purpose: Equatable, Sendable {
        case createAuthenticator
        case verifyAuthenticator
        case reservePhone
        case setDefault
        case removeAuthenticator
        case removePhone(label: String)
    }

    public static let page = ProfileMachine.Page.security
    public internal(set) var step: Step?
    /// The authenticator being added: its secret and `otpauth://` URI.
    public internal(set) var totp: TOTP?
    /// "Can't scan QR code?": the key as text instead of the QR code.
    public internal(set) var showsKey = false

    public init() {}

    var codeSubmitsItself: Bool { step == .addAuthenticator }

    mutating func opened(_ profile: inout Context) {
        if step == .addAuthenticator { profile.send(.createTOTP, .createAuthenticator) }
    }

    mutating func act(_ action: Action, _ profile: inout Context) {
        switch action {
        case .reservePhone(let id):
            guard profile.startAction() else { return }
            let call = ProfileCall.updatePhoneNumber(id: id, reservedForSecondFactor: true, defaultSecondFactor: nil)
            profile.send(call, .reservePhone)
        case .setDefault(let id):
            guard profile.startAction() else { return }
            let call = ProfileCall.updatePhoneNumber(id: id, reservedForSecondFactor: nil, defaultSecondFactor: true)
            profile.send(call, .setDefault)
        case .toggleKey:
            showsKey.toggle()
        }
    }

    mutating func submit(_ profile: inout Context) {
        switch step {
        case .addAuthenticator?:
            guard !profile.form.code.isEmpty else { return }
            profile.send(.verifyTOTP(code: profile.form.code), .verifyAuthenticator)
        case .removeAuthenticator?:
            profile.send(.deleteTOTP, .removeAuthenticator)
        case .removePhone(let id)?:
            let call = ProfileCall.updatePhoneNumber(id: id, reservedForSecondFactor: false, defaultSecondFactor: nil)
            profile.send(call, .removePhone(label: profile.user?.phoneNumbers.first { $0.id == id }?.phoneNumber ?? ""))
        default:
            break
        }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        switch purpose {
        case .createAuthenticator:
            totp = result.totp
            return
        case .verifyAuthenticator:
            profile.show(
                BackupCodesSection.showing(
                    result.totp?.backupCodes ?? [], title: Copy.Tasks.authenticatorEnabledTitle,
                    message: Copy.Tasks.authenticatorEnabledMessage))
        case .reservePhone:
            // The first second factor comes with backup codes, shown once.
            let codes = result.phoneNumber?.backupCodes ?? []
            if codes.isEmpty {
                profile.close(notice: Copy.Profile.smsEnabledTitle)
            } else {
                let message = Copy.Profile.smsEnabledMessage
                profile.show(BackupCodesSection.showing(codes, title: Copy.Profile.smsEnabledTitle, message: message))
            }
        case .setDefault:
            profile.close()
        case .removeAuthenticator:
            profile.close(notice: Copy.Profile.totpRemoved)
        case .removePhone(let label):
            profile.close(notice: Copy.Profile.smsRemoved(label))
        }
        profile.reloadUser()
    }

    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ profile: inout Context) {
        if purpose == .verifyAuthenticator {
            profile.form.code = SecretText()
            profile.errors = FormErrors(failure.errors, fieldNames: ["code"])
        } else {
            profile.errors = FormErrors(failure.errors, fieldNames: [])
        }
    }
}

extension ProfileMachine {
    /// Phone numbers that receive SMS codes as a second factor.
    public var secondFactorPhones: [PhoneNumber] { phoneNumbers.filter(\.reservedForSecondFactor) }

    /// Verified numbers that could be registered for SMS codes.
    public var phonesAvailableForSecondFactor: [PhoneNumber] {
        phoneNumbers.filter { !$0.reservedForSecondFactor && $0.verification?.status == .verified }
    }

    /// "Add two-step verification" lists these.
    public var secondFactorsToAdd: [TwoStepVerificationSection.Step] {
        var steps: [TwoStepVerificationSection.Step] = []
        if config.totp, user?.totpEnabled == false { steps.append(.addAuthenticator) }
        if config.smsCode { steps.append(.choosePhone) }
        return steps
    }
}
