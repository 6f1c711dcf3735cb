import FrontendAPI

/// "Delete account", confirmed by typing "Delete account"; the session ends with the account.
public struct DeleteAccountSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        case confirm
    }

    enum Purpose: Equatable, Sendable {
        case delete
    }

    public static let page = ProfileMachine.Page.security
    public internal(set) var step: Step?

    public init() {}

    static var fieldNames: Set<String> { [SectionField.deleteConfirmation.rawValue] }

    mutating func submit(_ profile: inout Context) {
        guard profile.form[.deleteConfirmation] == Copy.Profile.deleteConfirmation else { return }
        profile.send(.deleteUser, .delete)
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        profile.finish(.subjectEnded)
    }
}

extension ProfileMachine {
    /// The confirmation reads exactly "Delete account".
    public var deleteConfirmed: Bool { form[.deleteConfirmation] == Copy.Profile.deleteConfirmation }
}

extension SectionField {
    public static let deleteConfirmation = SectionField(rawValue: "delete_confirmation")
}
