import Foundation

/// The Frontend API answered with an error status and a `{errors:[…], clerk_trace_id}` body.
///
/// Distinct from ``TransportError`` (no HTTP response at all) and ``ResponseError`` (a response the
/// client cannot read).
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status, e.g. 422 for form errors, 429 when rate limited.
    public let status: Int
    /// Every error of the body; never empty.
    public let errors: [ClerkAPIError]
    /// `clerk_trace_id`, for support requests.
    public let traceID: String?
    /// How long the server asked the client to wait (`Retry-After`), if it did.
    public let retryAfter: Duration?

    public init(status: Int, errors: [ClerkAPIError], traceID: String? = nil, retryAfter: Duration? = nil) {
        self.status = status
        self.errors = errors.isEmpty
            ? [ClerkAPIError(code: "unexpected_status", message: "HTTP \(status)", longMessage: "HTTP \(status)")]
            : errors
        self.traceID = traceID
        self.retryAfter = retryAfter
    }

    /// The first error, which SDKs and the UI act on.
    public var first: ClerkAPIError { errors[0] }
    /// Machine-readable code of the first error, e.g. `form_password_incorrect`.
    public var code: String { first.code }
    public var message: String { first.message }
    public var longMessage: String { first.longMessage }
    /// `meta.param_name`: the form field the first error is about.
    public var paramName: String? { first.meta?.paramName }

    public var isRateLimited: Bool { status == 429 }

    public var description: String { longMessage }
}

/// A response that arrived but cannot be understood (wrong shape, not JSON).
public struct ResponseError: Error, Sendable, CustomStringConvertible {
    public let status: Int
    /// What failed to decode; never contains the body (which may carry secrets).
    public let reason: String

    public init(status: Int, reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "Unexpected response (HTTP \(status)): \(reason)" }
}
