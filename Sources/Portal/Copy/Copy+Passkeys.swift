import FrontendAPI

extension Copy {
    /// Passkeys: Clerk's en-US wording (`signIn.passkey`, `reverification.passkey`, `userProfile.start.passkeysSection`,
    /// the `passkey_*` errors), and this terminal's own lines where Clerk has none (security keys, PINs, SSH).
    public enum Passkeys {
        public static let usePasskeyInstead = "Use passkey instead"
        public static let addPasskey = "Add a passkey"
        public static let signInTitle = "Use your passkey"
        public static let signInSubtitle = "Using your passkey confirms it's you. Your device may ask for your fingerprint, face or screen lock."
        public static let reverificationSubtitle = "Using your passkey confirms your identity. Your device may ask for your fingerprint, face, or screen lock."
        /// Reverification's button (`reverification.passkey.blockButton__passkey`).
        public static let useYourPasskey = "Use your passkey"
        public static let touchSecurityKey = "Touch your security key"
        public static let pin = "Security key PIN"
        public static let pinSubtitle = "Your security key has a PIN. Enter it to continue."
        public static let added = "Passkey added."
        /// Over SSH the session runs on the server, far from the visitor's key: two lines, each fits a card row.
        public static let overSSH = "Passkeys are not available over SSH."
        public static let overSSHReason = "This session cannot reach the security key on your computer."

        /// The card's message for an authenticator's failure.
        public static func failure(_ code: AuthenticatorFailureCode, detail: String?) -> String {
            switch code {
            case .noDevice: "No security key found. Plug in your security key and try again."
            case .pinRequired: "Enter your security key's PIN to continue."
            case .pinInvalid: "Incorrect PIN. Try again."
            case .pinBlocked: "Your security key is locked after too many incorrect PINs. Reset it, or use another method."
            case .alreadyRegistered: "A passkey is already registered with this device."
            case .registrationCancelled: "Passkey registration was cancelled or timed out."
            case .retrievalCancelled: "Passkey verification was cancelled or timed out."
            case .noCredential: "No passkey for this account was found on this device."
            case .failed: "The passkey could not be used" + (detail.map { ": \($0)." } ?? ".")
            case .unavailable: "Passkeys are not supported on this device."
            }
        }
    }
}
