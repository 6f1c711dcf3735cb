import FrontendAPI

/// Why a backend call failed, as the machines need to know it.
public enum PortalFailure: Error, Equatable, Sendable {
    /// FAPI answered with an error body (`{"errors": […]}`). `retryAfter` is the `Retry-After` header in
    /// seconds, sent with HTTP 429.
    case api(status: Int, errors: [ClerkAPIError], retryAfter: Int? = nil)
    /// The server could not be reached, timed out, or failed without an error body (5xx). The call may be
    /// retried as is.
    case unavailable(reason: String)

    /// The Clerk errors, empty when the server was unavailable.
    public var errors: [ClerkAPIError] {
        if case .api(_, let errors, _) = self { errors } else { [] }
    }

    /// The first error's code, e.g. `form_password_incorrect`.
    public var code: String? { errors.first?.code }

    public func has(code: String) -> Bool { errors.contains { $0.code == code } }

    /// The first error with `code`.
    public func error(code: String) -> ClerkAPIError? { errors.first { $0.code == code } }

    /// Seconds to wait when rate limited (HTTP 429); `nil` for any other failure.
    public var rateLimitSeconds: Int? {
        guard case .api(429, _, let retryAfter) = self else { return nil }
        return max(retryAfter ?? Self.defaultRetryAfter, 1)
    }

    /// Wait used when a 429 carries no `Retry-After`.
    static let defaultRetryAfter = 10

    /// What a failed client call means to the machines: an error body stays a Clerk error, anything without one (no
    /// connection, timeout, unreadable response) is "unavailable", which the machines offer to retry.
    public init(_ error: any Error) {
        switch error {
        case let failure as PortalFailure:
            self = failure
        case let error as APIError:
            let retryAfter = error.retryAfter.map { Int(min(max($0.components.seconds, 1), 3600)) }
            self = .api(status: error.status, errors: error.errors, retryAfter: retryAfter)
        case let error as TransportError:
            self = .unavailable(reason: error.message)
        case let error as ResponseError:
            self = .unavailable(reason: error.description)
        default:
            self = .unavailable(reason: "\(error)")
        }
    }
}
