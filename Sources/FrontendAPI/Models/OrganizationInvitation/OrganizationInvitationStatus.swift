/// The state of an ``OrganizationInvitation``.
public struct OrganizationInvitationStatus: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending: Self = "pending"
    public static let accepted: Self = "accepted"
    public static let revoked: Self = "revoked"
    public static let expired: Self = "expired"
    public static let completed: Self = "completed"
}
