import FrontendAPI

/// "Email addresses": add one (verified by a code), verify, set as primary, remove.
public struct EmailAddressesSection: IdentifierSection {
    public static let page = ProfileMachine.Page.account
    public internal(set) var step: IdentifierStep?

    public init() {}

    static var fieldNames: Set<String> { [SectionField.emailAddress.rawValue] }

    static func label(_ id: String, of user: User?) -> String {
        user?.emailAddresses.first { $0.id == id }?.emailAddress ?? ""
    }

    static func createCall(_ profile: inout Context) -> ProfileCall? {
        let address = profile.form.trimmed(.emailAddress)
        return address.isEmpty ? nil : .createEmailAddress(address)
    }

    static func prepareCall(_ id: String) -> ProfileCall { .prepareEmailVerification(id: id) }
    static func attemptCall(_ id: String, code: SecretText) -> ProfileCall { .attemptEmailVerification(id: id, code: code) }
    static func deleteCall(_ id: String) -> ProfileCall { .deleteEmailAddress(id: id) }
    static func primary(_ id: String) -> UserUpdateParameters { UserUpdateParameters(primaryEmailAddressID: id) }
    static func added(_ label: String) -> String { Copy.Profile.emailAdded(label) }
    static func removed(_ label: String) -> String { Copy.Profile.emailRemoved(label) }
}

extension SectionField {
    public static let emailAddress = SectionField(rawValue: "email_address")
}
