import FrontendAPI
import SQLKit

/// An organization's roles and members (operations `ListOrganizationRoles`, `ListOrganizationMemberships`,
/// `CreateOrganizationMembership`, `UpdateOrganizationMembership`, `removeOrganizationMember`). Reading needs
/// `org:sys_memberships:read` (or `manage`); adding, removing and changing a role need `org:sys_memberships:manage`.
/// Every organization keeps at least one member with the minimum permissions (see `OrganizationAccess`).
struct OrganizationMembers: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }
    var access: OrganizationAccess { OrganizationAccess(instance: instance) }

    /// The instance's roles with their permissions, as `{data, total_count}`.
    func roles(_ organizationID: String) async throws -> Reply {
        let pagination = try Pagination(query: exchange.call.query)
        return try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let (_, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try requireRead(membership)
            let all = instance.settings.organizations.roles.map(exchange.presenter.role)
            return try await exchange.envelope(PaginatedList(data: pagination.page(all), totalCount: all.count), client: client, in: db)
        }
    }

    /// Members, oldest first, filtered by `role` and by `query` (a case-insensitive part of a member's email address
    /// or phone number, username, user id, first or last name).
    func list(_ organizationID: String) async throws -> Reply {
        let pagination = try Pagination(query: exchange.call.query)
        let role = exchange.call.query.nonEmpty("role")
        let search = exchange.call.query.nonEmpty("query")?.lowercased()
        return try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try requireRead(membership)
            var matching: [(OrganizationMembershipRecord, UserRecord)] = []
            for record in try await OrganizationQueries.inCreationOrder(OrganizationMembershipRecord.self, where: "organization_id",
                                                                        equals: organization.id, in: db)
            where role == nil || record.role == role {
                guard let member = try await UserRecord.find(record.userId, in: db) else { continue }
                if let search, try await !matches(member, search, in: db) { continue }
                matching.append((record, member))
            }
            var page: [OrganizationMembership] = []
            for (record, member) in pagination.page(matching) {
                page.append(try await exchange.presenter.membership(record, organization: organization, member: member, in: db))
            }
            if pagination.paginated {
                return try await exchange.envelope(PaginatedList(data: page, totalCount: matching.count), client: client, in: db)
            }
            return try await exchange.envelope(page, client: client, in: db)
        }
    }

    private func matches(_ member: UserRecord, _ search: String, in db: any SQLDatabase) async throws -> Bool {
        let identifiers = try await IdentificationRecord.all(in: db, where: "user_id", equals: member.id).map(\.value)
        let fields = identifiers + [member.id, member.username, member.firstName, member.lastName].compactMap { $0 }
        return fields.contains { $0.lowercased().contains(search) }
    }

    /// `PATCH …/memberships/{user_id}` `role`: the member's new role. Demoting the last member with the minimum
    /// permissions is refused (400 `organization_minimum_permissions_needed`).
    func updateRole(_ organizationID: String, userID: String) async throws -> Reply {
        let role = try exchange.call.form.required("role")
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
            guard let definition = instance.settings.organizations.role(role) else { throw APIFailure.organizationRoleNotFound }
            guard var target = try await access.membership(userID: userID, organizationID: organization.id, in: db),
                  let member = try await UserRecord.find(userID, in: db) else { throw APIFailure.notFound("Organization membership") }
            if !OrganizationPermissionCatalog.minimumRequired.isSubset(of: definition.permissions) {
                try await access.ensureMinimumKept(organizationID: organization.id, losingUserID: userID, in: db)
            }
            target.role = definition.key
            target.updatedAt = instance.nowMS
            try await target.save(in: db)
            try await me.touchUser(userID, in: db)
            return try await exchange.envelope(
                try await exchange.presenter.membership(target, organization: organization, member: member, in: db), client: client, in: db)
        }
    }

    /// `POST …/memberships` `user_id`, `role`: adds a user of the instance (clerk-js `Organization.addMember`). The new
    /// member takes a seat that pending invitations may have reserved.
    func create(_ organizationID: String) async throws -> Reply {
        let userID = try exchange.call.form.required("user_id")
        let role = try exchange.call.form.required("role")
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
            guard let definition = instance.settings.organizations.role(role) else { throw APIFailure.organizationRoleNotFound }
            guard let member = try await UserRecord.find(userID, in: db) else { throw APIFailure.userNotFound(userID) }
            let created = try await MeOrganizations.join(organization, userID: member.id, role: definition.key,
                                                         countingInvitations: true, instance: instance, in: db)
            try await me.touchUser(member.id, in: db)
            return try await exchange.envelope(
                try await exchange.presenter.membership(created, organization: organization, member: member, in: db), client: client, in: db)
        }
    }

    /// `DELETE …/memberships/{user_id}`: the member leaves, answered with the membership they had. Removing the last
    /// member with the minimum permissions is refused (400 `organization_minimum_permissions_needed`); the removed
    /// member's sessions that had the organization active lose it. Naming oneself is leaving, under the same rule as
    /// `DELETE /v1/me/organization_memberships/{organization_id}` (Clerk's components offer no "Remove" for oneself).
    func remove(_ organizationID: String, userID: String) async throws -> Reply {
        try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
            guard let target = try await access.membership(userID: userID, organizationID: organization.id, in: db),
                  let member = try await UserRecord.find(userID, in: db) else { throw APIFailure.notFound("Organization membership") }
            try await access.ensureMinimumKept(organizationID: organization.id, losingUserID: userID, in: db)
            try await target.delete(in: db)
            try await access.deactivate(organizationID: organization.id, forUser: userID, in: db)
            try await me.touchUser(userID, in: db)
            return try await exchange.envelope(
                try await exchange.presenter.membership(target, organization: organization, member: member, in: db), client: client, in: db)
        }
    }

    private func requireRead(_ membership: OrganizationMembershipRecord) throws(APIFailure) {
        let granted = access.permissions(of: membership.role)
        guard granted.contains(OrganizationPermissionCatalog.membershipsRead)
                || granted.contains(OrganizationPermissionCatalog.membershipsManage) else {
            throw .missingOrganizationPermission(OrganizationPermissionCatalog.membershipsRead)
        }
    }
}
