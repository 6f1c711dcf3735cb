import FrontendAPI

/// One call of the organization flows (`/v1/me/organization_*`, `/v1/organizations*`), acting for the session
/// ``BackendCall/organizations(sessionID:_:)`` names. Lists come a page at a time, ``pageSize`` rows each.
public enum OrganizationCall: Equatable, Sendable {
    /// `GET /v1/me/organization_memberships?paginated=true`
    case memberships(offset: Int)
    /// `GET /v1/me/organization_invitations?status=pending`
    case invitations(offset: Int)
    /// `POST /v1/me/organization_invitations/{id}/accept`
    case acceptInvitation(id: String)
    /// `GET /v1/me/organization_suggestions`: the pending ones, and with `includeAccepted` those waiting for
    /// approval too.
    case suggestions(offset: Int, includeAccepted: Bool)
    /// `POST /v1/me/organization_suggestions/{id}/accept`: asks to join.
    case acceptSuggestion(id: String)
    /// `POST /v1/organizations`
    case create(name: String, slug: String?)
    /// `PUT /v1/organizations/{id}/logo` with the image file at `path` (read by the call, size and type checked).
    case setLogo(organizationID: String, path: String)

    /// Rows per page, as Clerk's organization lists load them.
    public static let pageSize = 10
}
