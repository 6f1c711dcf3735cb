/// The body of every FAPI error response (`ClerkErrors` in the spec):
/// `{"errors":[…], "meta":{}, "clerk_trace_id":"…"}`.
public struct ClerkErrorResponse: Codable, Sendable, Equatable, Error {
    public var errors: [ClerkAPIError]
    /// Top-level meta; FAPI may put a `client` here.
    public var meta: Meta?
    public var clerkTraceID: String?

    public init(errors: [ClerkAPIError], meta: Meta? = nil, clerkTraceID: String? = nil) {
        self.errors = errors
        self.meta = meta
        self.clerkTraceID = clerkTraceID
    }

    /// A body with a single error.
    public init(_ error: ClerkAPIError, clerkTraceID: String? = nil) {
        self.init(errors: [error], clerkTraceID: clerkTraceID)
    }

    enum CodingKeys: String, CodingKey {
        case errors, meta
        case clerkTraceID = "clerk_trace_id"
    }

    /// Top-level error meta.
    public struct Meta: Codable, Sendable, Equatable {
        /// The current client, piggy-backed on an error (clients apply it like a normal `client`).
        public var client: Client?

        public init(client: Client? = nil) {
            self.client = client
        }
    }
}
