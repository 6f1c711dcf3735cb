/// The fields of the UserProfile's action cards. One form serves every card: opening a card fills it from the
/// user, leaving one empties it, so nothing typed outlives its card.
public struct ProfileForm: Equatable, Sendable {
    public var texts: [ProfileField: String] = [:]
    public var currentPassword = SecretText()
    public var newPassword = NewPasswordForm()
    /// A verification, authenticator or backup code.
    public var code = SecretText()

    public init() {}

    public subscript(field: ProfileField) -> String {
        get { texts[field] ?? "" }
        set { texts[field] = newValue }
    }
}

/// A plain-text field of a UserProfile card.
public enum ProfileField: String, Hashable, Sendable, CaseIterable {
    case firstName = "first_name"
    case lastName = "last_name"
    case imagePath = "file"
    case username
    case emailAddress = "email_address"
    case countryCode = "country_code"
    case phoneNumber = "phone_number"
    case passkeyName = "name"
    case deleteConfirmation = "delete_confirmation"
    case backupCodesPath = "backup_codes_path"
}
