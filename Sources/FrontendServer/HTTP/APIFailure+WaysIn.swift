import FrontendAPI

/// Clerk's errors for the ways into an instance: its sign-up modes, application invitations and the waitlist, and the
/// operator's marks on a user.
extension APIFailure {
    /// A sign-up without an invitation where sign-up is by invitation only (`sign_up_mode = "restricted"`).
    static let signUpModeRestricted = APIFailure(
        .forbidden, "sign_up_mode_restricted", "Sign up is restricted",
        long: "Sign-ups are restricted to invited users. If you believe you should have access, please contact support.")

    /// A sign-up without an invitation where people join the waitlist instead (`sign_up_mode = "waitlist"`).
    static let signUpRestrictedWaitlist = APIFailure(
        .forbidden, "sign_up_restricted_waitlist", "Sign-ups are restricted",
        long: "Sign-ups are currently disabled. Join the waitlist to be the first to know when access opens.")

    /// `POST /v1/waitlist` where the sign-up mode is not `waitlist`.
    static let waitlistNotEnabled = APIFailure(
        .forbidden, "feature_not_enabled", "The waitlist is not enabled",
        long: "This instance does not use a waitlist: its sign-up mode is not \"waitlist\".")

    static let invitationRevoked = APIFailure(
        .badRequest, "invitation_revoked", "invitation has been revoked",
        long: "This invitation has been revoked and cannot be used anymore.")

    static let invitationAlreadyAccepted = APIFailure(
        .badRequest, "invitation_already_accepted", "invitation has already been accepted",
        long: "This invitation has already been accepted. Sign in instead.")

    static let invitationNotPending = APIFailure(
        .badRequest, "invitation_not_pending", "not pending", long: "The invitation is not in the \"pending\" status.")

    /// Sign-in by a user the operator banned (clerk-js treats 403 `user_banned` as a terminal user state).
    static let userBanned = APIFailure(
        .forbidden, "user_banned", "This account has been banned",
        long: "This account has been banned. For more information, please contact support.")

    /// A correct password the operator marked compromised: the user signs in another way, then resets it.
    static let passwordCompromised = APIFailure(
        .unprocessableContent, "form_password_compromised", "Password compromised",
        long: "Your password may be compromised. To protect your account, please continue with an alternative sign-in "
            + "method. You will be required to reset your password after signing in.",
        meta: ErrorMeta(paramName: "password"))

    /// An email link this instance did not issue, or altered (`GET /v1/verify`).
    static let emailLinkInvalid = APIFailure(
        .badRequest, "verification_failed", "This verification link is invalid",
        long: "This verification link is invalid. Request a new one and use the latest link you received.")

    /// An email link that expired, was replaced by a newer one or was already used (`GET /v1/verify`, whose errors the
    /// spec documents as 400).
    static let emailLinkExpired = APIFailure(
        .badRequest, "verification_expired", "This verification link has expired",
        long: "This verification link has expired or was already used. Request a new one.")
}
