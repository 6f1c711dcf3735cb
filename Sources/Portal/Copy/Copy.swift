/// Every user-facing string of the portal, in Clerk's en-US wording (`packages/localizations/src/en-US.ts`).
///
/// Screens and the `--plain` line mode both read from here, so the wording is the same in both.
public enum Copy {
    public static let back = "Back"
    public static let continueButton = "Continue"
    public static let or = "or"
    public static let optional = "Optional"
    public static let useAnotherMethod = "Use another method"
    public static let forgotPassword = "Forgot password?"
    public static let lastUsed = "Last used"
    public static let developmentMode = "Development mode"
    public static let retry = "Try again"
    public static let loading = "Loading…"
    public static let copyLink = "Copy link"
    /// Clerk's backup code page: `actionLabel__copy`, then `actionLabel__copied`.
    public static let copyAll = "Copy all"
    public static let copied = "Copied!"
    /// The plain line mode's choice for a card's fields when it offers other ways in first ("Enter email address
    /// and password").
    public static func enterFields(_ labels: [String]) -> String {
        let words = labels.map { $0.prefix(1).lowercased() + $0.dropFirst() }
        let list = words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
        return "Enter " + list
    }
    /// The plain line mode's prompt for a card's actions.
    public static let chooseAction = "Choose an action"

    /// Where verification codes go on a development instance, and the test-identity shortcut.
    public static let developmentCodesHint =
        "Codes are not sent on this development instance: run `clerk-tui outbox` to read them. "
        + "Identities containing +clerk_test verify with 424242."

    /// Shown while the server cannot be reached.
    public static let serverUnavailable = "We couldn't reach the server. Check your connection and try again."

    /// A countdown suffix, e.g. "(27)", as Clerk shows on the resend button.
    public static func countdown(_ seconds: Int) -> String { "(\(seconds))" }

    /// "Too many requests" notice with the seconds left.
    public static func rateLimited(seconds: Int) -> String {
        "Too many requests. Please try again in \(durationText(seconds: seconds))."
    }

    /// Clerk's `user_locked` message with the time left counting down (the server's text says it once, in
    /// whole minutes).
    public static func accountLocked(seconds: Int) -> String {
        "Your account is locked. You will be able to try again in \(durationText(seconds: seconds)). "
            + "For more information, please contact support."
    }

    /// `90` → "1 minute 30 seconds"; `3600` → "60 minutes".
    public static func durationText(seconds: Int) -> String {
        let minutes = seconds / 60
        let rest = seconds % 60
        let minutePart = minutes == 1 ? "1 minute" : "\(minutes) minutes"
        let secondPart = rest == 1 ? "1 second" : "\(rest) seconds"
        if minutes == 0 { return secondPart }
        return rest == 0 ? minutePart : "\(minutePart) \(secondPart)"
    }
}
