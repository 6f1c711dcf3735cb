extension Copy {
    /// The Waitlist component (`waitlist.*`).
    public enum Waitlist {
        public static let title = "Join the waitlist"
        public static let subtitle = "Enter your email address and we’ll let you know when your spot is ready"
        public static let formButton = "Join the waitlist"
        public static let signInPrompt = "Already have access?"
        public static let signInLink = "Sign in"
        public static let joinedTitle = "Thanks for joining the waitlist!"
        public static let joinedSubtitle = "We’ll be in touch when your spot is ready"
    }

    /// Accepting an invitation on the sign-up cards (terminal only: the browser follows the link itself).
    public enum Invitation {
        public static let linkLabel = "Invitation link"
        public static let linkPlaceholder = "Paste the link from your invitation"
        public static let acceptButton = "Accept invitation"
    }
}
