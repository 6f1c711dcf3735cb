/// Where a ``SessionVerification`` (reverification) stands.
public struct SessionVerificationStatus: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let needsFirstFactor: Self = "needs_first_factor"
    public static let needsSecondFactor: Self = "needs_second_factor"
    public static let complete: Self = "complete"
}
