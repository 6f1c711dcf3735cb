import FrontendAPI

/// "Passkeys": add a passkey with this machine's authenticator, rename or remove the user's passkeys.
public struct PasskeysSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Add a passkey": the registration runs while the card shows (a security key asks for a touch).
        case add
        /// What can be done with passkey `id`.
        case menu(id: String)
        case rename(id: String)
        case remove(id: String)
    }

    enum Purpose: Equatable, Sendable {
        case create
        case register(id: String)
        case verify
        case rename
        case remove
    }

    public static let page = ProfileMachine.Page.security
    public internal(set) var step: Step?
    /// The security key asked for its PIN: the add card shows a PIN field.
    public internal(set) var needsPIN = false

    public init() {}

    static var fieldNames: Set<String> { [SectionField.passkeyName.rawValue] }

    mutating func opened(_ profile: inout Context) {
        if step == .add, profile.config.passkeyAccess == .available { return register(&profile) }
        guard case .rename(let id)? = step else { return }
        profile.form[.passkeyName] = Self.name(id, of: profile.user) ?? ""
    }

    /// Starts a registration; the server's creation options then go to the authenticator.
    private func register(_ profile: inout Context) {
        guard profile.startAction() else { return }
        profile.send(.createPasskey, .create)
    }

    mutating func submit(_ profile: inout Context) {
        switch step {
        case .rename(let id)?:
            rename(id, &profile)
        case .remove(let id)?:
            profile.send(.deletePasskey(id: id), .remove)
        case .add?:
            // Again, with the PIN typed if the key asked for one.
            if profile.config.passkeyAccess == .available { register(&profile) }
        case .menu?, nil:
            break
        }
    }

    /// A name of at least two characters; the same name closes the card.
    private func rename(_ id: String, _ profile: inout Context) {
        let name = profile.form.trimmed(.passkeyName)
        let current = Self.name(id, of: profile.user)
        if name == current { return profile.close() }
        guard name.count > 1 else {
            profile.errors.fields[SectionField.passkeyName.rawValue] = Copy.Field.passkeyNameTooShort
            return
        }
        profile.send(.renamePasskey(id: id, name: name), .rename)
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        switch (purpose, result) {
        case (.create, .passkey(let passkey)):
            guard let ceremony = AuthenticatorCall.registration(passkey.verification, pin: profile.form.code) else {
                return failed(purpose, .noPasskeyOptions, &profile)
            }
            profile.send(.authenticator(ceremony), .register(id: passkey.id))
        case (.register(let id), .publicKeyCredential(let credential)):
            profile.form.code = SecretText()
            profile.send(.attemptPasskeyVerification(id: id, publicKeyCredential: credential), .verify)
        case (.verify, _):
            profile.close(notice: Copy.Passkeys.added)
            profile.reloadUser()
        default:
            profile.close()
            profile.reloadUser()
        }
    }

    /// A security key that wants its PIN shows the PIN field; other failures show on the card as usual.
    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ profile: inout Context) {
        if case .register = purpose, failure.asksForPIN {
            needsPIN = true
            profile.form.code = SecretText()
        }
        profile.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
    }

    static func name(_ id: String, of user: User?) -> String? { user?.passkeys.first { $0.id == id }?.name }
}

extension SectionField {
    public static let passkeyName = SectionField(rawValue: "name")
}
