extension Copy {
    /// The UserProfile pages (`userProfile.*`, `badge__*`, `reverification.*`).
    public enum Profile {
        public static let accountPage = "Account"
        public static let accountSubtitle = "Manage your account info."
        public static let securityPage = "Security"
        public static let securitySubtitle = "Manage your security preferences."
        public static let backToHome = "Back to home"
        public static let save = "Save"
        public static let cancel = "Cancel"
        public static let remove = "Remove"
        public static let add = "Add"

        // Badges
        public static let primary = "Primary"
        public static let unverified = "Unverified"
        public static let defaultBadge = "Default"
        public static let thisDevice = "This device"

        // Profile, username, image
        public static let profileSection = "Profile"
        public static let updateProfile = "Update profile"
        public static let profileUpdated = "Your profile has been updated."
        public static let firstName = "First name"
        public static let lastName = "Last name"
        public static let profileImage = "Profile image"
        public static let imagePathLabel = "Upload an image (file path)"
        public static let imageHint = "Recommended size 1:1, up to 10MB. JPG, PNG, GIF or WEBP."
        public static let removeImage = "Remove image"
        public static let imageRemoved = "Your profile image has been removed."
        public static func initials(_ text: String) -> String { "[\(text)]" }
        public static let usernameSection = "Username"
        public static let setUsername = "Set username"
        public static let updateUsername = "Update username"
        public static let usernameUpdated = "Your username has been updated."

        // Email addresses
        public static let emailSection = "Email addresses"
        public static let addEmail = "Add email address"
        public static let addEmailHint = "You'll need to verify this email address before it can be added to your account."
        public static let verifyEmailTitle = "Verify email address"
        public static let completeVerification = "Complete verification"
        public static let setAsPrimary = "Set as primary"
        public static let verify = "Verify"
        public static let removeEmail = "Remove email"
        public static let removeEmailTitle = "Remove email address"
        public static let removeEmailWarning = "You will no longer be able to sign in using this email address."
        public static func emailRemoved(_ address: String) -> String { "\(address) has been removed from your account." }
        public static func emailAdded(_ address: String) -> String { "\(address) has been added to your account." }
        public static func primaryChanged(_ identifier: String) -> String { "\(identifier) is now your primary." }

        // Phone numbers
        public static let phoneSection = "Phone numbers"
        public static let addPhone = "Add phone number"
        public static let addPhoneHint =
            "A text message containing a verification code will be sent to this phone number. Message and data rates may apply."
        public static let countryCode = "Country code"
        public static let phoneNumber = "Phone number"
        public static let verifyPhoneTitle = "Verify phone number"
        public static let verifyPhone = "Verify phone number"
        public static let removePhone = "Remove phone number"
        public static let removePhoneWarning = "You will no longer be able to sign in using this phone number."
        public static func phoneRemoved(_ number: String) -> String { "\(number) has been removed from your account." }
        public static func phoneAdded(_ number: String) -> String { "\(number) has been added to your account." }

        // Shared verification and removal copy
        public static func codeSentTo(_ identifier: String) -> String { "Enter the verification code sent to \(identifier)" }
        public static let resend = "Didn't receive a code? Resend"
        public static func willBeRemoved(_ identifier: String) -> String { "\(identifier) will be removed from this account." }

        // Connected accounts
        public static let connectedAccountsSection = "Connected accounts"
        public static let removeConnectedAccount = "Remove connected account"
        public static let connectAccount = "Connect account"
        public static let reconnect = "Reconnect"
        public static let requiresAction = "Requires action"
        public static func connectWith(_ provider: String) -> String { "Connect \(provider) account" }
        public static func finishInBrowser(_ provider: String) -> String {
            "Open this link in your browser (or scan the QR code) and sign in with \(provider). This page updates when you are done."
        }
        public static func accountConnected(_ provider: String) -> String { "Your \(provider) account has been connected." }
        public static func connectFailed(_ provider: String) -> String { "\(provider) did not return a sign-in link. Please try again." }
        public static func connectedAccountRemoved(_ name: String) -> String { "\(name) has been removed from your account." }

        // Password
        public static let passwordSection = "Password"
        public static let setPassword = "Set password"
        public static let updatePassword = "Update password"
        public static let currentPassword = "Current password"
        public static let passwordSet = "Your password has been set."
        public static let passwordUpdated = "Your password has been updated."
        public static let otherDevicesSignedOut = "All other devices have been signed out."

        // Passkeys
        public static let passkeysSection = "Passkeys"
        public static let rename = "Rename"
        public static let renamePasskeyTitle = "Rename Passkey"
        public static let renamePasskeySubtitle = "You can change the passkey name to make it easier to find."
        public static let passkeyName = "Name of passkey"
        public static let removePasskeyTitle = "Remove passkey"
        public static func created(_ when: String) -> String { "Created \(when)" }

        // Two-step verification
        public static let mfaSection = "Two-step verification"
        public static let addMFA = "Add two-step verification"
        public static let authenticatorApp = "Authenticator application"
        public static let smsCode = "SMS code"
        public static let backupCodes = "Backup codes"
        public static let removeMFATitle = "Remove two-step verification"
        public static let removeTOTPMessage =
            "Verification codes from this authenticator will no longer be required when signing in."
        public static let removeMFAWarning = "Your account may not be as secure. Are you sure you want to continue?"
        public static let totpRemoved = "Two-step verification via authenticator application has been removed."
        public static func smsRemovedMessage(_ number: String) -> String {
            "\(number) will be no longer receiving verification codes when signing in."
        }
        public static func smsRemoved(_ number: String) -> String {
            "SMS code two-step verification has been removed for \(number)."
        }
        public static let setAsDefault = "Set as default"
        public static let addSMSTitle = "Add SMS code verification"
        public static let availablePhones =
            "Select an existing phone number to register for SMS code two-step verification or add a new one."
        public static let noAvailablePhones =
            "There are no available phone numbers to register for SMS code two-step verification, please add a new one."
        public static let smsEnabledTitle = "SMS code verification enabled"
        public static let smsEnabledMessage =
            "Two-step verification is now enabled. When signing in, you will need to enter a verification code sent "
            + "to this phone number as an additional step."
        public static let regenerateTitle = "Regenerate backup codes"
        public static let regenerateSubtitle =
            "Get a fresh set of secure backup codes. Prior backup codes will be deleted and cannot be used."
        public static let regenerate = "Regenerate codes"
        public static let backupCodesTitle = "Backup codes"
        public static let backupCodesSubtitle = "Store them securely and keep them secret."
        public static let saveCodesPath = "Save to file (path)"
        public static let saveCodes = "Save to file"
        public static func codesSaved(_ path: String) -> String { "Backup codes saved to \(path) (readable only by you)." }
        public static let finish = "Finish"

        // Active devices
        public static let devicesSection = "Active devices"
        public static let signOutOfDevice = "Sign out of device"
        public static let signOutOfDeviceMessage = "This device will be signed out of your account."
        public static let deviceSignedOut = "The device has been signed out."
        public static let desktopDevice = "Desktop device"
        public static let mobileDevice = "Mobile device"
        public static func browserOnDevice(_ browser: String, _ device: String) -> String { "\(browser) on \(device)" }

        // Delete account
        public static let dangerSection = "Delete account"
        public static let deleteAccount = "Delete account"
        public static let deleteMessage1 = "Are you sure you want to delete your account?"
        public static let deleteMessage2 = "This action is permanent and irreversible."
        public static let deleteConfirmLabel = "Type \"Delete account\" below to continue."
        /// What the user types to confirm, exactly.
        public static let deleteConfirmation = "Delete account"

        // Reverification
        public static let verificationRequired = "Verification required"
        public static let verifyPasswordSubtitle = "Enter your current password to continue"
        public static func verifyCodeSubtitle(_ identifier: String) -> String {
            "Enter the verification code sent to \(identifier) to continue"
        }
        public static let verifyTOTPSubtitle = "Enter the code generated by your authenticator app to continue"
        public static let verifyBackupCodeSubtitle = "Enter one of your backup codes to continue"
        public static let backupCode = "Backup code"
        public static let reverificationFailed = "We couldn't verify it's you. Please try again."
    }
}
