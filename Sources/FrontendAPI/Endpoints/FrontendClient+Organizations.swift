import Foundation

/// The signed-in user's organizations: memberships, invitations, suggestions (`/v1/me/organization_*`), and the
/// organizations themselves (`/v1/organizations*`). Each takes the session to act for; nil means the active session.
/// Lists are paginated with `offset` and `limit`, as clerk-ios asks for them.
extension FrontendClient {
    /// `GET /v1/me/organization_memberships?paginated=true` (spec `getOrganizationMemberships`).
    public func organizationMemberships(offset: Int = 0, limit: Int = 20, sessionID: String? = nil) async throws
        -> PaginatedList<OrganizationMembership>
    {
        try await send(Endpoint(
            .get, "/v1/me/organization_memberships", query: pageQuery(offset, limit) + [("paginated", "true")],
            sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me/organization_memberships/{organization_id}`: leaves the organization.
    @discardableResult
    public func leaveOrganization(_ organizationID: String, sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(
            .delete, "/v1/me/organization_memberships/\(segment(organizationID))", sessionScope: .me(sessionID)))
    }

    /// `GET /v1/me/organization_invitations` with the given statuses (spec `getUsersOrganizationInvitations`).
    public func organizationInvitations(
        status: [String] = ["pending"], offset: Int = 0, limit: Int = 20, sessionID: String? = nil
    ) async throws -> PaginatedList<OrganizationInvitation> {
        try await send(Endpoint(
            .get, "/v1/me/organization_invitations", query: pageQuery(offset, limit) + status.map { ("status", $0) },
            sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/organization_invitations/{id}/accept`.
    public func acceptOrganizationInvitation(_ id: String, sessionID: String? = nil) async throws -> OrganizationInvitation {
        try await send(Endpoint(
            .post, "/v1/me/organization_invitations/\(segment(id))/accept", sessionScope: .me(sessionID)))
    }

    /// `GET /v1/me/organization_suggestions` with the given statuses (spec `getOrganizationSuggestions`).
    public func organizationSuggestions(
        status: [String] = ["pending", "accepted"], offset: Int = 0, limit: Int = 20, sessionID: String? = nil
    ) async throws -> PaginatedList<OrganizationSuggestion> {
        try await send(Endpoint(
            .get, "/v1/me/organization_suggestions", query: pageQuery(offset, limit) + status.map { ("status", $0) },
            sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/organization_suggestions/{id}/accept`: asks to join; the suggestion becomes `accepted`.
    public func acceptOrganizationSuggestion(_ id: String, sessionID: String? = nil) async throws -> OrganizationSuggestion {
        try await send(Endpoint(
            .post, "/v1/me/organization_suggestions/\(segment(id))/accept", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/organizations`: creates an organization with the user as its first member (spec `createOrganization`).
    public func createOrganization(name: String, slug: String? = nil, sessionID: String? = nil) async throws -> Organization {
        try await send(Endpoint(
            .post, "/v1/organizations", body: ["name": .string(name), "slug": slug.map(FormValue.string)],
            sessionScope: .me(sessionID)))
    }

    /// `GET /v1/organizations/{id}`.
    public func organization(_ id: String, sessionID: String? = nil) async throws -> Organization {
        try await send(Endpoint(.get, "/v1/organizations/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `PATCH /v1/organizations/{id}`: its name and slug.
    public func updateOrganization(_ id: String, name: String, slug: String? = nil, sessionID: String? = nil)
        async throws -> Organization
    {
        try await send(Endpoint(
            .patch, "/v1/organizations/\(segment(id))", body: ["name": .string(name), "slug": slug.map(FormValue.string)],
            sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/organizations/{id}`.
    @discardableResult
    public func deleteOrganization(_ id: String, sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/organizations/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `PUT /v1/organizations/{id}/logo`: uploads `image` (multipart `file`).
    public func updateOrganizationLogo(_ id: String, image: Data, contentType: String, sessionID: String? = nil)
        async throws -> Organization
    {
        var endpoint = Endpoint<Organization>(.put, "/v1/organizations/\(segment(id))/logo", sessionScope: .me(sessionID))
        endpoint.attachImage(image, contentType: contentType, fileName: "logo")
        return try await send(endpoint)
    }

    /// `DELETE /v1/organizations/{id}/logo`.
    @discardableResult
    public func deleteOrganizationLogo(_ id: String, sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/organizations/\(segment(id))/logo", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/organizations/{id}/invitations/bulk`: invites every address with `role`.
    public func inviteOrganizationMembers(
        _ organizationID: String, emailAddresses: [String], role: String, sessionID: String? = nil
    ) async throws -> [OrganizationInvitation] {
        try await send(Endpoint(
            .post, "/v1/organizations/\(segment(organizationID))/invitations/bulk",
            body: ["email_address": .strings(emailAddresses), "role": .string(role)],
            sessionScope: .me(sessionID)))
    }

}
