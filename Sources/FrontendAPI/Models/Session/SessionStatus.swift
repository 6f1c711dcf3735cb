/// The lifecycle state of a ``Session``. `pending` sessions have outstanding ``SessionTask``s.
public struct SessionStatus: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let active: Self = "active"
    public static let pending: Self = "pending"
    public static let ended: Self = "ended"
    public static let expired: Self = "expired"
    public static let removed: Self = "removed"
    public static let replaced: Self = "replaced"
    public static let revoked: Self = "revoked"
    public static let abandoned: Self = "abandoned"
}
