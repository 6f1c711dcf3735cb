/// A timer a machine runs through the runtime: countdowns tick once a second, pollers once a second,
/// delays fire once.
public struct TimerID: Hashable, Sendable, CustomStringConvertible {
    /// The machine instance that owns the timer; fires for an older scope are ignored.
    public let scope: Int
    public let kind: Kind

    public init(scope: Int, kind: Kind) {
        self.scope = scope
        self.kind = kind
    }

    public var description: String { "timer\(scope).\(kind)" }

    /// What the timer is for.
    public enum Kind: Hashable, Sendable {
        /// "Didn't receive a code? Resend" becomes available when it runs out.
        case resendCooldown
        /// Seconds left before a rate-limited call may be retried (`Retry-After`).
        case rateLimit
        /// Seconds left in a `user_locked` lockout.
        case lockout
        /// Re-reads a sign-in or sign-up while an email link or a browser sign-in is outstanding.
        case poll
        /// A short pause on a success screen before the session is activated.
        case successDelay
        /// A wait before a call is sent again (a checkout another request is still confirming).
        case retryDelay
    }
}
