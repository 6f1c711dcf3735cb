import FrontendAPI

/// Row types of application invitations, the waitlist and API keys (migration 16). Timestamps are epoch milliseconds.

/// An invitation to the application itself (Clerk's Dashboard "Invite users"): what a restricted instance signs people
/// up with, and what inviting a waitlist entry makes. Statuses are Clerk's: `pending`, then `accepted` or `revoked`;
/// a pending one past `expiresAt` reads as `expired`.
struct InvitationRecord: Record {
    static let table = "invitations"
    var id: String
    var emailAddress: String
    var status: OrganizationInvitationStatus
    var publicMetadata: String
    var expiresAt: Int64
    var createdAt: Int64
    var updatedAt: Int64
}

/// One address on the waitlist: `pending` until the operator invites it (`invited`, with its invitation), `completed`
/// once that invitation signed the person up.
struct WaitlistEntryRecord: Record {
    static let table = "waitlist_entries"
    var id: String
    var emailAddress: String
    var status: WaitlistEntryStatus
    var invitationId: String?
    var createdAt: Int64
    var updatedAt: Int64
}

/// Clerk's waitlist entry statuses.
enum WaitlistEntryStatus: String, Codable, Sendable {
    case pending, invited, completed, rejected
}

/// An API key of a user or organization (`subject`). Only a digest of its secret is kept: the secret is shown once,
/// in the answer that creates the key.
struct APIKeyRecord: Record {
    static let table = "api_keys"
    var id: String
    var type: String
    var subject: String
    var name: String
    var description: String?
    var secretDigest: String
    var revoked: Bool
    var revocationReason: String?
    var expiration: Int64?
    var createdBy: String?
    var lastUsedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
}
