/// The state of a ``Verification``. `transferable` means an OAuth identity with no matching account
/// (sign-in → sign-up transfer, or the reverse).
public struct VerificationStatus: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let unverified: Self = "unverified"
    public static let verified: Self = "verified"
    public static let transferable: Self = "transferable"
    public static let failed: Self = "failed"
    public static let expired: Self = "expired"
}
