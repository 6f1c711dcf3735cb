import FrontendAPI

/// "Passkeys": rename or remove the user's passkeys.
public struct PasskeysSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        /// What can be done with passkey `id`.
        case menu(id: String)
        case rename(id: String)
        case remove(id: String)
    }

    enum Purpose: Equatable, Sendable {
        case rename
        case remove
    }

    public static let page = ProfileMachine.Page.security
    public internal(set) var step: Step?

    public init() {}

    static var fieldNames: Set<String> { [SectionField.passkeyName.rawValue] }

    mutating func opened(_ profile: inout Context) {
        guard case .rename(let id)? = step else { return }
        profile.form[.passkeyName] = Self.name(id, of: profile.user) ?? ""
    }

    mutating func submit(_ profile: inout Context) {
        switch step {
        case .rename(let id)?:
            rename(id, &profile)
        case .remove(let id)?:
            profile.send(.deletePasskey(id: id), .remove)
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
        profile.close()
        profile.reloadUser()
    }

    static func name(_ id: String, of user: User?) -> String? { user?.passkeys.first { $0.id == id }?.name }
}

extension SectionField {
    public static let passkeyName = SectionField(rawValue: "name")
}
