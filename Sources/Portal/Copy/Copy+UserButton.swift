extension Copy {
    /// The UserButton menu (`userButton.*`).
    public enum UserButton {
        public static let manageAccount = "Manage account"
        public static let addAccount = "Add account"
        public static let signOut = "Sign out"
        public static let signOutAll = "Sign out of all accounts"
        public static let activeSessions = "Active sessions"
        public static let accountActions = "Account actions"
        public static let openMenu = "Open user menu"
    }

    /// Session tasks (`taskResetPassword.*`, `taskSetupMfa.*`).
    public enum Tasks {
        public static func signedInAs(_ identifier: String) -> String { "Signed in as \(identifier)" }
        public static let signOut = "Sign out"
        public static let resetPasswordTitle = "Reset your password"
        public static let resetPasswordSubtitle = "Your account requires a new password before you can continue"
        public static let resetPasswordButton = "Reset Password"
        public static let setupMFATitle = "Set up two-step verification"
        public static let setupMFASubtitle =
            "Choose which method you prefer to protect your account with an extra layer of security"
    }
}
