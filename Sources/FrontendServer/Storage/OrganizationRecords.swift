import FrontendAPI

/// Row types of the organization tables (migration 6). Timestamps are epoch milliseconds; statuses are the wire
/// strings FAPI shows.

struct OrganizationRecord: Record {
    static let table = "organizations"
    var id: String
    var name: String
    /// Unique across the instance.
    var slug: String
    /// The logo's file name under `images/`, if one was uploaded.
    var imageFile: String?
    var publicMetadata: String
    /// Copied from the settings when the organization is created, as Clerk does; 0 is unlimited.
    var maxAllowedMemberships: Int
    var adminDeleteEnabled: Bool
    var createdBy: String
    var createdAt: Int64
    var updatedAt: Int64
}

/// A user's membership in an organization, with its role key.
struct OrganizationMembershipRecord: Record {
    static let table = "organization_memberships"
    var id: String
    var organizationId: String
    var userId: String
    var role: String
    var publicMetadata: String
    var createdAt: Int64
    var updatedAt: Int64
}

/// An invitation to an email address, manual (an admin sent it) or automatic (a verified domain made it).
struct OrganizationInvitationRecord: Record {
    static let table = "organization_invitations"
    var id: String
    var organizationId: String
    var emailAddress: String
    var role: String
    var status: OrganizationInvitationStatus
    var publicMetadata: String
    /// The verified domain whose `automatic_invitation` mode made it, if any.
    var domainId: String?
    var expiresAt: Int64
    var createdAt: Int64
    var updatedAt: Int64
}

/// A suggestion, made by a verified domain in `automatic_suggestion` mode, that a user request to join.
struct OrganizationSuggestionRecord: Record {
    static let table = "organization_suggestions"
    var id: String
    var organizationId: String
    var userId: String
    var domainId: String?
    /// `pending`, or `accepted` once the user requested to join.
    var status: String
    var createdAt: Int64
    var updatedAt: Int64
}

/// A user's request to join, made by accepting a suggestion; admins approve or reject it.
struct OrganizationMembershipRequestRecord: Record {
    static let table = "organization_membership_requests"
    var id: String
    var organizationId: String
    var userId: String
    var status: String
    var createdAt: Int64
    var updatedAt: Int64
}

/// A domain an organization claims. Its affiliation is verified by a code sent to an address at the domain (a
/// `VerificationRecord` owned by the domain), or at once when the admin adding it has such an address verified.
struct OrganizationDomainRecord: Record {
    static let table = "organization_domains"
    var id: String
    var organizationId: String
    /// Lowercase, e.g. `example.com`.
    var name: String
    var enrollmentMode: OrganizationEnrollmentMode
    var affiliationEmailAddress: String?
    var verifiedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
}
