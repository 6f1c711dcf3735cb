extension Copy {
    /// Field labels and placeholders (`formFieldLabel__*`, `formFieldInputPlaceholder__*`).
    public enum Field {
        public static let emailAddress = "Email address"
        public static let emailAddressOrUsername = "Email address or username"
        public static let username = "Username"
        public static let phoneNumber = "Phone number"
        public static let password = "Password"
        public static let newPassword = "New password"
        public static let confirmPassword = "Confirm password"
        public static let firstName = "First name"
        public static let lastName = "Last name"
        public static let backupCode = "Backup code"
        public static let signOutOfOtherSessions = "Sign out of all other devices"
        public static let verificationCode = "Verification code"

        public static let emailAddressPlaceholder = "Enter your email address"
        public static let emailAddressOrUsernamePlaceholder = "Enter email or username"
        public static let usernamePlaceholder = "Enter your username"
        public static let phoneNumberPlaceholder = "Enter your phone number"
        public static let passwordPlaceholder = "Enter your password"
        public static let signUpPasswordPlaceholder = "Create a password"
        public static let backupCodePlaceholder = "Enter backup code"

        public static let passwordsMatch = "Passwords match."
        public static let passwordsDoNotMatch = "Passwords don't match."
        public static let invalidPhoneNumber = "Enter a valid phone number, digits only, with its country code."
        public static let enterCurrentPassword = "Enter your current password."
        public static let passkeyNameTooShort = "The name must be at least 2 characters long."
        public static let verificationLinkExpired = "The verification link expired. Please request a new link."
    }
}
