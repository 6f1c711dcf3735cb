import FrontendAPI
import HTTPTypes

/// A request that ends in a Clerk error body (`{errors, meta, clerk_trace_id}`).
struct APIFailure: Error {
    var status: HTTPTypes.HTTPResponse.Status
    var error: ClerkAPIError
    /// Seconds for `Retry-After` on 429.
    var retryAfter: Int? = nil

    init(_ status: HTTPTypes.HTTPResponse.Status, _ code: String, _ message: String, long: String? = nil, meta: ErrorMeta? = nil) {
        self.status = status
        self.error = ClerkAPIError(code: code, message: message, longMessage: long ?? message, meta: meta)
    }

    static func paramMissing(_ name: String) -> APIFailure {
        APIFailure(.unprocessableContent, "form_param_missing", "is missing", long: "\(name) must be included.",
                   meta: ErrorMeta(paramName: name))
    }

    static func paramInvalid(_ name: String, _ long: String? = nil) -> APIFailure {
        APIFailure(.unprocessableContent, "form_param_format_invalid", "is invalid",
                   long: long ?? "\(name) is invalid.", meta: ErrorMeta(paramName: name))
    }

    static func paramNotAllowed(_ name: String) -> APIFailure {
        APIFailure(.unprocessableContent, "form_param_unknown", "is unknown",
                   long: "\(name) is not a valid parameter for this request.", meta: ErrorMeta(paramName: name))
    }

    static let identifierNotFound = APIFailure(.unprocessableContent, "form_identifier_not_found",
                                               "Couldn't find your account.", meta: ErrorMeta(paramName: "identifier"))

    static let passwordIncorrect = APIFailure(.unprocessableContent, "form_password_incorrect",
                                              "Password is incorrect. Try again, or use another method.",
                                              meta: ErrorMeta(paramName: "password"))

    static let codeIncorrect = APIFailure(.unprocessableContent, "form_code_incorrect", "Incorrect code",
                                          meta: ErrorMeta(paramName: "code"))

    static let verificationExpired = APIFailure(.unprocessableContent, "verification_expired",
                                                "This verification has expired. You must create a new one.")

    static let verificationFailed = APIFailure(.unprocessableContent, "verification_failed",
                                               "Too many failed attempts. You have to try again with the same or another method.")

    static func identifierExists(_ param: String) -> APIFailure {
        let noun = param == "phone_number" ? "phone number" : param == "email_address" ? "email address" : param
        return APIFailure(.unprocessableContent, "form_identifier_exists",
                          "That \(noun) is taken. Please try another.", meta: ErrorMeta(paramName: param))
    }

    static let passwordPwned = APIFailure(.unprocessableContent, "form_password_pwned",
        "Password has been found in an online data breach. For account safety, please use a different password.",
        meta: ErrorMeta(paramName: "password"))

    static func passwordTooShort(_ minimum: Int) -> APIFailure {
        APIFailure(.unprocessableContent, "form_password_length_too_short",
                   "Passwords must be \(minimum) characters or more.", meta: ErrorMeta(paramName: "password"))
    }

    static func passwordTooLong(_ maximum: Int) -> APIFailure {
        APIFailure(.unprocessableContent, "form_password_length_too_long",
                   "Passwords must be less than \(maximum + 1) characters.", meta: ErrorMeta(paramName: "password"))
    }

    static func passwordComposition(_ long: String) -> APIFailure {
        APIFailure(.unprocessableContent, "form_password_validation_failed", "Password does not meet requirements.",
                   long: long, meta: ErrorMeta(paramName: "password"))
    }

    static func userLocked(seconds: Int) -> APIFailure {
        if seconds >= Lockout.indefiniteSeconds {
            return APIFailure(.forbidden, "user_locked", "Your account is locked. For more information, please contact support.")
        }
        let minutes = max(1, (seconds + 59) / 60)
        return APIFailure(.forbidden, "user_locked",
            "Your account is locked. You will be able to try again in \(minutes) minutes. For more information, please contact support.",
            meta: ErrorMeta(lockoutExpiresInSeconds: seconds))
    }

    static let sessionExists = APIFailure(.badRequest, "session_exists", "You're already signed in.")

    static func alreadySignedIn(sessionID: String) -> APIFailure {
        APIFailure(.badRequest, "identifier_already_signed_in", "You're already signed in.",
                   meta: ErrorMeta(sessionID: sessionID))
    }

    static let authenticationInvalid = APIFailure(.unauthorized, "authentication_invalid", "Invalid authentication",
                                                  long: "The request could not be authenticated.")

    static let signedOut = APIFailure(.unauthorized, "signed_out", "You are signed out",
                                      long: "You need to send a session id for this request.")

    static func notFound(_ what: String = "Resource") -> APIFailure {
        APIFailure(.notFound, "resource_not_found", "\(what) not found", long: "\(what) not found.")
    }

    static func tooManyRequests(retryAfter: Int) -> APIFailure {
        var failure = APIFailure(.tooManyRequests, "too_many_requests", "Too many requests. Please try again in a bit.")
        failure.retryAfter = max(1, retryAfter)
        return failure
    }

    /// The store is unreachable; clients retry after a few seconds (the node recovers by itself).
    static var serviceUnavailable: APIFailure {
        var failure = APIFailure(.serviceUnavailable, "service_unavailable", "Service unavailable. Please try again in a bit.")
        failure.retryAfter = 5
        return failure
    }

    static let unstorableCharacter = APIFailure(.badRequest, "malformed_request", "Malformed request",
                                                long: "A parameter holds a character that cannot be stored (such as NUL).")

    static let originInvalid = APIFailure(.forbidden, "origin_invalid", "Invalid origin",
                                          long: "This request's Origin is not allowed for this instance.")

    static let bodyInvalid = APIFailure(.badRequest, "malformed_request", "Malformed request",
                                        long: "The request body could not be parsed as application/x-www-form-urlencoded.")

    static let bodyTooLarge = APIFailure(.contentTooLarge, "request_body_too_large", "Request body too large",
                                         long: "The request body must be at most 64 KiB.")

    static func strategyInvalid(_ param: String = "strategy") -> APIFailure {
        APIFailure(.unprocessableContent, "strategy_for_user_invalid", "Invalid verification strategy",
                   long: "The verification strategy is not valid for this account.", meta: ErrorMeta(paramName: param))
    }

    static let notAllowed = APIFailure(.unprocessableContent, "not_allowed_access", "Not allowed",
                                       long: "This action is not allowed for this account.")

    static let noSecondFactors = APIFailure(.unprocessableContent, "verification_not_required",
                                            "This sign-in does not need a second factor.")

    /// 403 asking the client to reverify at `level` (`first_factor`, `second_factor`) within `afterMinutes`.
    static func reverificationRequired(level: SessionVerification.Level, afterMinutes: Int) -> APIFailure {
        APIFailure(.forbidden, "session_reverification_required",
                   "You need to provide additional verification to perform this operation",
                   long: "Verify your identity again to perform this operation.",
                   meta: ErrorMeta(other: ["reverification": .object(["level": .string(level.rawValue), "after_minutes": .int(Int64(afterMinutes))])]))
    }

    static let totpExists = APIFailure(.unprocessableContent, "totp_already_enabled", "TOTP already enabled",
                                       long: "An authenticator app is already set up for this account.")
}
