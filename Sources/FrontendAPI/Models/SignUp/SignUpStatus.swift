/// Where a ``SignUp`` stands.
public struct SignUpStatus: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let missingRequirements: Self = "missing_requirements"
    public static let complete: Self = "complete"
    public static let abandoned: Self = "abandoned"
}
