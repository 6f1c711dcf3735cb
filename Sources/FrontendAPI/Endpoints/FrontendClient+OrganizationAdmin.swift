import Foundation

/// Administering an organization (Clerk's OrganizationProfile): its members and roles, invitations, membership
/// requests and verified domains (`/v1/organizations/{id}/…`). Each takes the session to act for; nil means the
/// active session. Lists are paginated with `offset` and `limit`, as clerk-ios asks for them.
extension FrontendClient {
    /// `GET /v1/organizations/{id}/roles`.
    public func organizationRoles(_ organizationID: String, offset: Int = 0, limit: Int = 20, sessionID: String? = nil)
        async throws -> PaginatedList<Role>
    {
        try await send(Endpoint(
            .get, orgPath(organizationID, "roles"), query: pageQuery(offset, limit), sessionScope: .me(sessionID)))
    }

    /// `GET /v1/organizations/{id}/memberships?paginated=true`, searched by `query` (name or identifier).
    public func organizationMembers(
        _ organizationID: String, query: String? = nil, offset: Int = 0, limit: Int = 10, sessionID: String? = nil
    ) async throws -> PaginatedList<OrganizationMembership> {
        var parameters = pageQuery(offset, limit) + [("paginated", "true")]
        if let query, !query.isEmpty { parameters.append(("query", query)) }
        return try await send(Endpoint(
            .get, orgPath(organizationID, "memberships"), query: parameters, sessionScope: .me(sessionID)))
    }

    /// `PATCH /v1/organizations/{id}/memberships/{user_id}`: the member's role.
    public func updateOrganizationMember(_ organizationID: String, userID: String, role: String, sessionID: String? = nil)
        async throws -> OrganizationMembership
    {
        try await send(Endpoint(
            .patch, orgPath(organizationID, "memberships/\(segment(userID))"), body: ["role": .string(role)],
            sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/organizations/{id}/memberships/{user_id}`: removes the member.
    @discardableResult
    public func removeOrganizationMember(_ organizationID: String, userID: String, sessionID: String? = nil)
        async throws -> OrganizationMembership
    {
        try await send(Endpoint(
            .delete, orgPath(organizationID, "memberships/\(segment(userID))"), sessionScope: .me(sessionID)))
    }

    /// `GET /v1/organizations/{id}/invitations` with the given statuses.
    public func organizationInvitationList(
        _ organizationID: String, status: [String] = ["pending"], offset: Int = 0, limit: Int = 10,
        sessionID: String? = nil
    ) async throws -> PaginatedList<OrganizationInvitation> {
        try await send(Endpoint(
            .get, orgPath(organizationID, "invitations"), query: pageQuery(offset, limit) + status.map { ("status", $0) },
            sessionScope: .me(sessionID)))
    }

    /// `POST /v1/organizations/{id}/invitations/{invitation_id}/revoke`.
    @discardableResult
    public func revokeOrganizationInvitation(_ organizationID: String, invitationID: String, sessionID: String? = nil)
        async throws -> OrganizationInvitation
    {
        try await send(Endpoint(
            .post, orgPath(organizationID, "invitations/\(segment(invitationID))/revoke"), sessionScope: .me(sessionID)))
    }

    /// `GET /v1/organizations/{id}/membership_requests` with the given status.
    public func organizationMembershipRequests(
        _ organizationID: String, status: String = "pending", offset: Int = 0, limit: Int = 10, sessionID: String? = nil
    ) async throws -> PaginatedList<OrganizationMembershipRequest> {
        try await send(Endpoint(
            .get, orgPath(organizationID, "membership_requests"), query: pageQuery(offset, limit) + [("status", status)],
            sessionScope: .me(sessionID)))
    }

    /// `POST /v1/organizations/{id}/membership_requests/{request_id}/accept` or `…/reject`.
    @discardableResult
    public func answerOrganizationMembershipRequest(
        _ organizationID: String, requestID: String, accept: Bool, sessionID: String? = nil
    ) async throws -> OrganizationMembershipRequest {
        let action = accept ? "accept" : "reject"
        return try await send(Endpoint(
            .post, orgPath(organizationID, "membership_requests/\(segment(requestID))/\(action)"),
            sessionScope: .me(sessionID)))
    }

    /// `GET /v1/organizations/{id}/domains`.
    public func organizationDomains(_ organizationID: String, offset: Int = 0, limit: Int = 10, sessionID: String? = nil)
        async throws -> PaginatedList<OrganizationDomain>
    {
        try await send(Endpoint(
            .get, orgPath(organizationID, "domains"), query: pageQuery(offset, limit), sessionScope: .me(sessionID)))
    }

    /// `POST /v1/organizations/{id}/domains`: adds an unverified domain.
    public func createOrganizationDomain(_ organizationID: String, name: String, sessionID: String? = nil)
        async throws -> OrganizationDomain
    {
        try await send(Endpoint(
            .post, orgPath(organizationID, "domains"), body: ["name": .string(name)], sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/organizations/{id}/domains/{domain_id}`.
    @discardableResult
    public func deleteOrganizationDomain(_ organizationID: String, domainID: String, sessionID: String? = nil)
        async throws -> DeletedObject
    {
        try await send(Endpoint(
            .delete, orgPath(organizationID, "domains/\(segment(domainID))"), sessionScope: .me(sessionID)))
    }

    /// `POST …/domains/{domain_id}/prepare_affiliation_verification`: sends a code to `emailAddress` at the domain.
    public func prepareDomainAffiliation(
        _ organizationID: String, domainID: String, emailAddress: String, sessionID: String? = nil
    ) async throws -> OrganizationDomain {
        try await send(Endpoint(
            .post, orgPath(organizationID, "domains/\(segment(domainID))/prepare_affiliation_verification"),
            body: ["affiliation_email_address": .string(emailAddress)], sessionScope: .me(sessionID)))
    }

    /// `POST …/domains/{domain_id}/attempt_affiliation_verification`.
    public func attemptDomainAffiliation(
        _ organizationID: String, domainID: String, code: SecretText, sessionID: String? = nil
    ) async throws -> OrganizationDomain {
        try await send(Endpoint(
            .post, orgPath(organizationID, "domains/\(segment(domainID))/attempt_affiliation_verification"),
            body: ["code": .string(code.value)], sessionScope: .me(sessionID)))
    }

    /// `POST …/domains/{domain_id}/update_enrollment_mode`; `deletePending` drops the invitations and suggestions the
    /// old mode made.
    public func updateDomainEnrollmentMode(
        _ organizationID: String, domainID: String, mode: String, deletePending: Bool, sessionID: String? = nil
    ) async throws -> OrganizationDomain {
        try await send(Endpoint(
            .post, orgPath(organizationID, "domains/\(segment(domainID))/update_enrollment_mode"),
            body: ["enrollment_mode": .string(mode), "delete_pending": .bool(deletePending)], sessionScope: .me(sessionID)))
    }

    private func orgPath(_ organizationID: String, _ rest: String) -> String {
        "/v1/organizations/\(segment(organizationID))/\(rest)"
    }

    func pageQuery(_ offset: Int, _ limit: Int) -> [(name: String, value: String)] {
        [("offset", String(offset)), ("limit", String(limit))]
    }
}
