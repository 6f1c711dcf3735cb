extension Copy {
    /// Client-side error and feedback messages (`unstable__errors`).
    public enum Errors {
        public static let passwordMeetsRequirements = "Your password meets all the necessary requirements."
        public static let passwordPwnedSignIn =
            "This password has been found as part of a breach and can not be used, please reset your password."
        public static let passwordUntrustedSignIn =
            "Your password may be compromised. To protect your account, please continue with an alternative "
            + "sign-in method. You will be required to reset your password after signing in."
        public static let protectCheckUnsupported =
            "Verification isn't supported in this environment. Please continue in a standard browser or contact support."
        /// Fallback for OAuth errors Clerk does not list.
        public static let unableToComplete = "Unable to complete action at this time. If the problem persists please contact support."

        /// `passwordComplexity.*`: "Your password must contain 8 or more characters, a number, and a special character."
        public enum PasswordComplexity {
            public static let sentencePrefix = "Your password must contain"
            public static func minimumLength(_ length: Int) -> String { "\(length) or more characters" }
            public static func maximumLength(_ length: Int) -> String { "less than \(length) characters" }
            public static let requireLowercase = "a lowercase letter"
            public static let requireUppercase = "an uppercase letter"
            public static let requireNumbers = "a number"
            public static let requireSpecialCharacter = "a special character"
        }
    }
}
