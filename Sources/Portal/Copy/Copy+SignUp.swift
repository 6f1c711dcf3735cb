extension Copy {
    /// The SignUp component (`signUp.*`).
    public enum SignUp {
        public static let title = "Create your account"
        public static let subtitle = "Welcome! Please fill in the details to get started."
        public static let signInPrompt = "Already have an account?"
        public static let signInLink = "Sign in"
        public static let useEmailInstead = "Use email instead"
        public static let usePhoneInstead = "Use phone instead"

        public static let continueTitle = "Fill in missing fields"
        public static let continueSubtitle = "Please fill in the remaining details to continue."

        public static let verifyEmailTitle = "Verify your email"
        public static let verifyEmailSubtitle = "Enter the verification code sent to your email"
        public static let verifyPhoneTitle = "Verify your phone"
        public static let verifyPhoneSubtitle = "Enter the verification code sent to your phone"
        public static let resendCode = "Didn't receive a code? Resend"
        public static let resendLink = "Didn't receive a link? Resend"
        public static let emailLinkFormSubtitle = "Use the verification link sent to your email address"

        public static let legalConsentTitle = "Legal consent"
        public static let legalConsentSubtitle = "Please read and accept the terms to continue"
        public static let agreeToTermsAndPrivacy = "I agree to the Terms of Service and Privacy Policy"
        public static let agreeToTerms = "I agree to the Terms of Service"
        public static let agreeToPrivacy = "I agree to the Privacy Policy"

        public static let restrictedTitle = "Access restricted"
        public static let restrictedSubtitle =
            "Sign ups are currently disabled. If you believe you should have access, please contact support."
        public static let restrictedWaitlistSubtitle =
            "Sign ups are currently disabled. To be the first to know when we launch, join the waitlist."
        public static let emailSupport = "Email support"
        public static let joinWaitlist = "Join waitlist"
    }
}
