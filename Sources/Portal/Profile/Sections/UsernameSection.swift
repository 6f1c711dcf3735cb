import FrontendAPI

/// "Username": set or update it.
public struct UsernameSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        case edit
    }

    enum Purpose: Equatable, Sendable {
        case save
    }

    public static let page = ProfileMachine.Page.account
    public internal(set) var step: Step?

    public init() {}

    static var fieldNames: Set<String> { [SectionField.username.rawValue] }

    mutating func opened(_ profile: inout Context) {
        profile.form[.username] = profile.user?.username ?? ""
    }

    /// An unchanged username closes the card without a call.
    mutating func submit(_ profile: inout Context) {
        let username = profile.form.trimmed(.username)
        guard username != (profile.user?.username ?? "") else { return profile.close() }
        profile.send(.updateUser(UserUpdateParameters(username: username)), .save)
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        profile.close(notice: Copy.Profile.usernameUpdated)
    }
}

extension SectionField {
    public static let username = SectionField(rawValue: "username")
}
