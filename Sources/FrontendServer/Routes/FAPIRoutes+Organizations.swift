import FrontendAPI
import Hummingbird

/// The organization routes: `/v1/organizations…` and the user's side of them under `/v1/me`.
extension FAPIRoutes {
    /// A handler that reads one path parameter (`id`, unless named otherwise) and runs `body` with it.
    private func route(_ parameter: String = "id", rawBodyLimit: Int? = nil,
                       _ body: @escaping @Sendable (Exchange, String) async throws -> Reply)
        -> @Sendable (Request, FAPIRequestContext) async throws -> Response {
        { [gateway] request, context in
            let value = context.parameters.get(parameter) ?? ""
            return try await gateway.serve(request, context, rawBodyLimit: rawBodyLimit) { try await body($0, value) }
        }
    }

    /// A handler for a path with the organization `id` and a second parameter.
    private func route(_ id: String, _ second: String,
                       _ body: @escaping @Sendable (Exchange, String, String) async throws -> Reply)
        -> @Sendable (Request, FAPIRequestContext) async throws -> Response {
        { [gateway] request, context in
            let first = context.parameters.get(id) ?? "", other = context.parameters.get(second) ?? ""
            return try await gateway.serve(request, context) { try await body($0, first, other) }
        }
    }

    func organizations(_ group: RouterGroup<FAPIRequestContext>) {
        group.post(use: route { exchange, _ in try await OrganizationEndpoints(exchange: exchange).create() })
        group.get(":id", use: route { try await OrganizationEndpoints(exchange: $0).get($1) })
        group.patch(":id", use: route { try await OrganizationEndpoints(exchange: $0).update($1) })
        group.delete(":id", use: route { try await OrganizationEndpoints(exchange: $0).delete($1) })
        group.put(":id/logo", use: route(rawBodyLimit: ProfileImages.maxBytes + 64 * 1024) {
            try await OrganizationLogos(exchange: $0).upload($1)
        })
        group.delete(":id/logo", use: route { try await OrganizationLogos(exchange: $0).delete($1) })
        group.get(":id/roles", use: route { try await OrganizationMembers(exchange: $0).roles($1) })
        group.get(":id/memberships", use: route { try await OrganizationMembers(exchange: $0).list($1) })
        group.post(":id/memberships", use: route { try await OrganizationMembers(exchange: $0).create($1) })
        group.patch(":id/memberships/:user_id", use: route("id", "user_id") {
            try await OrganizationMembers(exchange: $0).updateRole($1, userID: $2)
        })
        group.delete(":id/memberships/:user_id", use: route("id", "user_id") {
            try await OrganizationMembers(exchange: $0).remove($1, userID: $2)
        })
        organizationInvitations(group)
        organizationDomains(group)
        membershipRequests(group)
    }

    private func membershipRequests(_ group: RouterGroup<FAPIRequestContext>) {
        group.get(":id/membership_requests", use: route { try await OrganizationMembershipRequests(exchange: $0).list($1) })
        group.post(":id/membership_requests/:request_id/accept", use: route("id", "request_id") {
            try await OrganizationMembershipRequests(exchange: $0).accept($1, requestID: $2)
        })
        group.post(":id/membership_requests/:request_id/reject", use: route("id", "request_id") {
            try await OrganizationMembershipRequests(exchange: $0).reject($1, requestID: $2)
        })
    }

    private func organizationInvitations(_ group: RouterGroup<FAPIRequestContext>) {
        group.post(":id/invitations", use: route { try await OrganizationInvitations(exchange: $0).create($1) })
        group.post(":id/invitations/bulk", use: route { try await OrganizationInvitations(exchange: $0).createBulk($1) })
        group.get(":id/invitations", use: route { try await OrganizationInvitations(exchange: $0).list($1) })
        group.get(":id/invitations/pending", use: route { try await OrganizationInvitations(exchange: $0).listPending($1) })
        group.post(":id/invitations/:invitation_id/revoke", use: route("id", "invitation_id") {
            try await OrganizationInvitations(exchange: $0).revoke($1, invitationID: $2)
        })
    }

    private func organizationDomains(_ group: RouterGroup<FAPIRequestContext>) {
        group.post(":id/domains", use: route { try await OrganizationDomains(exchange: $0).create($1) })
        group.get(":id/domains", use: route { try await OrganizationDomains(exchange: $0).list($1) })
        group.get(":id/domains/:domain_id", use: route("id", "domain_id") {
            try await OrganizationDomains(exchange: $0).get($1, domainID: $2)
        })
        group.delete(":id/domains/:domain_id", use: route("id", "domain_id") {
            try await OrganizationDomains(exchange: $0).delete($1, domainID: $2)
        })
        group.post(":id/domains/:domain_id/prepare_affiliation_verification", use: route("id", "domain_id") {
            try await OrganizationDomains(exchange: $0).prepare($1, domainID: $2)
        })
        group.post(":id/domains/:domain_id/attempt_affiliation_verification", use: route("id", "domain_id") {
            try await OrganizationDomains(exchange: $0).attempt($1, domainID: $2)
        })
        group.post(":id/domains/:domain_id/update_enrollment_mode", use: route("id", "domain_id") {
            try await OrganizationDomains(exchange: $0).updateEnrollmentMode($1, domainID: $2)
        })
    }

    /// Invitation links in the browser: `acceptTicket` and the development landing page.
    func invitationLinks(_ router: Router<FAPIRequestContext>) {
        router.get("v1/tickets/accept") { [gateway] request, context in
            await gateway.redirect(request, context) { try await InvitationLinks(exchange: $0).accept() }
        }
        router.get(RouterPath(InvitationTickets.landingPath)) { [gateway] request, context in
            await gateway.page(request, context) { try await InvitationLinks(exchange: $0).landing() }
        }
    }

    /// `/v1/me/organization_*`: the user's memberships, invitations, suggestions and creation defaults.
    func meOrganizations(_ group: RouterGroup<FAPIRequestContext>) {
        group.get("organization_memberships", use: route { exchange, _ in try await MeOrganizations(exchange: exchange).memberships() })
        group.delete("organization_memberships/:id", use: route { try await MeOrganizations(exchange: $0).leave($1) })
        group.get("organization_invitations", use: route { exchange, _ in try await MeOrganizations(exchange: exchange).invitations() })
        group.post("organization_invitations/:id/accept", use: route { try await MeOrganizations(exchange: $0).acceptInvitation($1) })
        group.get("organization_suggestions", use: route { exchange, _ in try await MeOrganizations(exchange: exchange).suggestions() })
        group.post("organization_suggestions/:id/accept", use: route { try await MeOrganizations(exchange: $0).acceptSuggestion($1) })
        group.get("organization_creation_defaults", use: route { exchange, _ in
            try await MeOrganizations(exchange: exchange).creationDefaults()
        })
    }
}
