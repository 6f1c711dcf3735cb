import FrontendAPI

/// One call administering an organization (Clerk's OrganizationProfile: `/v1/organizations/{id}…`, and leaving it),
/// acting for the session and on the organization ``BackendCall/organization(sessionID:organizationID:_:)`` names.
/// Lists come ``OrganizationCall/pageSize`` rows at a time.
public enum OrganizationAdminCall: Equatable, Sendable {
    /// `GET /v1/organizations/{id}`
    case load
    /// `PATCH /v1/organizations/{id}`
    case update(name: String, slug: String?)
    /// `PUT /v1/organizations/{id}/logo` with the image file at `path`.
    case setLogo(path: String)
    /// `DELETE /v1/organizations/{id}/logo`
    case removeLogo
    /// `DELETE /v1/organizations/{id}`
    case delete
    /// `DELETE /v1/me/organization_memberships/{id}`
    case leave
    /// `GET /v1/organizations/{id}/roles`
    case roles
    /// `GET /v1/organizations/{id}/memberships?paginated=true`, searched by `query`.
    case members(query: String, offset: Int)
    /// `PATCH /v1/organizations/{id}/memberships/{user_id}`
    case updateMember(userID: String, role: String)
    /// `DELETE /v1/organizations/{id}/memberships/{user_id}`
    case removeMember(userID: String)
    /// `GET /v1/organizations/{id}/invitations?status=pending`
    case invitations(offset: Int)
    /// `POST /v1/organizations/{id}/invitations/bulk`
    case invite(emailAddresses: [String], role: String)
    /// `POST /v1/organizations/{id}/invitations/{invitation_id}/revoke`
    case revokeInvitation(id: String)
    /// `GET /v1/organizations/{id}/membership_requests?status=pending`
    case membershipRequests(offset: Int)
    /// `POST /v1/organizations/{id}/membership_requests/{request_id}/accept` or `…/reject`
    case answerRequest(id: String, accept: Bool)
    /// `GET /v1/organizations/{id}/domains`
    case domains
    /// `POST /v1/organizations/{id}/domains`
    case addDomain(name: String)
    /// `POST …/domains/{domain_id}/prepare_affiliation_verification`
    case prepareDomain(id: String, emailAddress: String)
    /// `POST …/domains/{domain_id}/attempt_affiliation_verification`
    case attemptDomain(id: String, code: SecretText)
    /// `POST …/domains/{domain_id}/update_enrollment_mode`
    case enrollDomain(id: String, mode: String, deletePending: Bool)
    /// `DELETE /v1/organizations/{id}/domains/{domain_id}`
    case removeDomain(id: String)
}
