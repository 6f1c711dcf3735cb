import FrontendAPI

/// The fields of a component's cards. One form serves every card: opening a card fills it (from the user, the
/// organization), leaving one empties it, so nothing typed outlives its card.
public struct SectionForm: Equatable, Sendable {
    public var texts: [SectionField: String] = [:]
    public var currentPassword = SecretText()
    public var newPassword = NewPasswordForm()
    /// A verification, authenticator or backup code.
    public var code = SecretText()
    /// A card for "Add new payment method".
    public var card = CardForm()

    public init() {}

    public subscript(field: SectionField) -> String {
        get { texts[field] ?? "" }
        set { texts[field] = newValue }
    }

    /// The trimmed text of `field`.
    func trimmed(_ field: SectionField) -> String { self[field].trimmingCharacters(in: .whitespaces) }
}

/// A plain-text field of a section's card, named as on the wire (`first_name`): a Clerk error whose `param_name` names
/// it goes under it. Each section declares its own fields.
public struct SectionField: RawRepresentable, Hashable, Sendable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}
