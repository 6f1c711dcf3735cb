import FrontendAPI
import SQLKit

/// Requests to join an organization (operations `listOrganizationMembershipRequests`,
/// `acceptOrganizationMembershipRequest`, `rejectOrganizationMembershipRequest`). A user makes one by accepting the
/// suggestion a verified domain in `automatic_suggestion` mode gave them (`MeOrganizations.acceptSuggestion`); members
/// with `org:sys_memberships:manage` approve or reject it. Like Clerk's Requests tab, this exists only while
/// `[organizations.domains] enabled` (403 `organization_domains_not_enabled` otherwise).
///
/// Statuses: `pending`, then `accepted` or `rejected`. Either way the suggestion it came from is dropped, so that the
/// user's lists stop showing it as "Pending approval".
struct OrganizationMembershipRequests: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }
    var access: OrganizationAccess { OrganizationAccess(instance: instance) }

    static let pending = "pending", accepted = "accepted", rejected = "rejected"

    /// `{data, total_count}`, newest first, filtered by `status` (clerk-js asks for `status=pending`).
    func list(_ organizationID: String) async throws -> Reply {
        let pagination = try Pagination(query: exchange.call.query)
        let statuses = Set(exchange.call.query.values["status"] ?? []).subtracting([""])
        return try await instance.database.read { db in
            let (organization, client) = try await manage(organizationID, in: db)
            var rendered: [OrganizationMembershipRequest] = []
            for request in try await OrganizationQueries.inCreationOrder(OrganizationMembershipRequestRecord.self, where: "organization_id",
                                                                         equals: organization.id, in: db).reversed()
            where statuses.isEmpty || statuses.contains(request.status) {
                guard let user = try await UserRecord.find(request.userId, in: db) else { continue }
                rendered.append(try await exchange.presenter.membershipRequest(request, user: user, in: db))
            }
            return try await exchange.envelope(PaginatedList(data: pagination.page(rendered), totalCount: rendered.count),
                                               client: client, in: db)
        }
    }

    /// The requester joins with the instance's default role (`default_role`, what verified-domain enrollment gives),
    /// taking a seat: 403 `organization_membership_quota_exceeded` when none is left, 400
    /// `already_a_member_in_organization` if they joined meanwhile.
    func accept(_ organizationID: String, requestID: String) async throws -> Reply {
        try await decide(organizationID, requestID: requestID, status: Self.accepted) { organization, request, db in
            try await MeOrganizations.join(organization, userID: request.userId, role: instance.settings.organizations.defaultRole,
                                           countingInvitations: true, instance: instance, in: db)
            try await me.touchUser(request.userId, in: db)
        }
    }

    func reject(_ organizationID: String, requestID: String) async throws -> Reply {
        try await decide(organizationID, requestID: requestID, status: Self.rejected) { _, _, _ in }
    }

    /// Settles a pending request of the organization: runs `effect`, records `status`, drops the suggestion it came
    /// from. Anything but a pending request of this organization is 404 `resource_not_found`.
    private func decide(_ organizationID: String, requestID: String, status: String,
                        effect: @Sendable (OrganizationRecord, OrganizationMembershipRequestRecord, any SQLDatabase) async throws -> Void)
        async throws -> Reply {
        try await instance.database.write { db in
            let (organization, client) = try await manage(organizationID, in: db)
            guard var request = try await OrganizationMembershipRequestRecord.find(requestID, in: db),
                  request.organizationId == organization.id, request.status == Self.pending,
                  let user = try await UserRecord.find(request.userId, in: db) else {
                throw APIFailure.organizationMembershipRequestNotFound(requestID)
            }
            try await effect(organization, request, db)
            request.status = status
            request.updatedAt = instance.nowMS
            try await request.save(in: db)
            try await db.delete(from: OrganizationSuggestionRecord.table).where("user_id", .equal, request.userId)
                .where("organization_id", .equal, organization.id).run()
            return try await exchange.envelope(try await exchange.presenter.membershipRequest(request, user: user, in: db),
                                               client: client, in: db)
        }
    }

    /// Domains on, the caller a member with `org:sys_memberships:manage`.
    private func manage(_ organizationID: String, in db: any SQLDatabase) async throws -> (OrganizationRecord, ClientRecord) {
        try access.requireEnabled()
        guard instance.settings.organizations.domains.enabled else { throw APIFailure.organizationDomainsNotEnabled }
        let (_, user, client) = try await me.context(in: db)
        let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
        try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
        return (organization, client)
    }
}
