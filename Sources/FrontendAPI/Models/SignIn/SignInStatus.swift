/// Where a ``SignIn`` stands.
public struct SignInStatus: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let needsIdentifier: Self = "needs_identifier"
    public static let needsFirstFactor: Self = "needs_first_factor"
    public static let needsSecondFactor: Self = "needs_second_factor"
    /// New device under Client Trust: handled with the second-factor endpoints.
    public static let needsClientTrust: Self = "needs_client_trust"
    public static let needsNewPassword: Self = "needs_new_password"
    public static let needsProtectCheck: Self = "needs_protect_check"
    public static let complete: Self = "complete"
    public static let abandoned: Self = "abandoned"
}
