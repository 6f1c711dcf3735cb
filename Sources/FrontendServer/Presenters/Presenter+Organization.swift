import Crypto
import Foundation
import FrontendAPI
import SQLKit

/// Organizations, memberships, invitations, suggestions, domains and roles as FrontendAPI's wire models.
extension Presenter {
    private func date(_ ms: Int64) -> Date { Date(epochMilliseconds: ms) }

    /// Where an organization's logo is served, or "" without one (as a user's `image_url`).
    func logoURL(_ record: OrganizationRecord) -> String {
        record.imageFile.map { instance.issuer + "/v1/images/" + $0 } ?? ""
    }

    func organization(_ record: OrganizationRecord, in db: any SQLDatabase) async throws -> Organization {
        let members = try await OrganizationQueries.count(OrganizationMembershipRecord.table, organizationID: record.id, in: db)
        let pending = try await OrganizationQueries.pendingInvitations(record.id, now: instance.nowMS, in: db)
        return Organization(
            id: record.id, name: record.name, slug: record.slug, imageURL: logoURL(record), hasImage: record.imageFile != nil,
            membersCount: members, pendingInvitationsCount: pending, maxAllowedMemberships: record.maxAllowedMemberships,
            adminDeleteEnabled: record.adminDeleteEnabled, publicMetadata: jsonObject(record.publicMetadata),
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    func publicOrganizationData(_ record: OrganizationRecord) -> PublicOrganizationData {
        PublicOrganizationData(id: record.id, name: record.name, slug: record.slug, imageURL: logoURL(record),
                               hasImage: record.imageFile != nil)
    }

    /// A membership with its organization, role name, every permission of the role, and the member's public data.
    func membership(_ record: OrganizationMembershipRecord, organization: OrganizationRecord, member: UserRecord,
                    in db: any SQLDatabase) async throws -> OrganizationMembership {
        let role = instance.settings.organizations.role(record.role)
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: member.id)
        return OrganizationMembership(
            id: record.id, role: record.role, roleName: role?.name ?? record.role, permissions: role?.permissions ?? [],
            publicMetadata: jsonObject(record.publicMetadata), organization: try await self.organization(organization, in: db),
            publicUserData: publicUserData(member, identifications: identifications),
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// The memberships of `user`, newest first (the user object's `organization_memberships`).
    func memberships(of user: UserRecord, in db: any SQLDatabase) async throws -> [OrganizationMembership] {
        var rendered: [OrganizationMembership] = []
        for record in try await OrganizationQueries.inCreationOrder(OrganizationMembershipRecord.self, where: "user_id",
                                                                    equals: user.id, in: db).reversed() {
            guard let organization = try await OrganizationRecord.find(record.organizationId, in: db) else { continue }
            rendered.append(try await membership(record, organization: organization, member: user, in: db))
        }
        return rendered
    }

    /// An invitation; `pending` past its expiry shows as `expired`. The user's own list carries the organization's
    /// public data. `url` is the invitation link, if shown (see `invitation(_:organization:forInvitee:in:)`).
    func invitation(_ record: OrganizationInvitationRecord, organization: OrganizationRecord,
                    forInvitee: Bool = false, url: String? = nil) -> OrganizationInvitation {
        OrganizationInvitation(
            id: record.id, emailAddress: record.emailAddress, role: record.role,
            roleName: instance.settings.organizations.role(record.role)?.name ?? record.role,
            organizationID: record.organizationId, publicOrganizationData: forInvitee ? publicOrganizationData(organization) : nil,
            status: invitationStatus(record), publicMetadata: jsonObject(record.publicMetadata), url: url,
            expiresAt: date(record.expiresAt), createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// An invitation with its `url`: the link with its ticket while pending, on a development instance
    /// (`InvitationTickets.url`).
    func invitation(_ record: OrganizationInvitationRecord, organization: OrganizationRecord, forInvitee: Bool = false,
                    in db: any SQLDatabase) async throws -> OrganizationInvitation {
        invitation(record, organization: organization, forInvitee: forInvitee,
                   url: try await InvitationTickets(instance: instance).url(for: record, in: db))
    }

    func invitationStatus(_ record: OrganizationInvitationRecord) -> OrganizationInvitationStatus {
        record.status == .pending && record.expiresAt <= instance.nowMS ? .expired : record.status
    }

    func suggestion(_ record: OrganizationSuggestionRecord, organization: OrganizationRecord) -> OrganizationSuggestion {
        OrganizationSuggestion(id: record.id, publicOrganizationData: publicOrganizationData(organization), status: record.status,
                               createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// A request to join, with the requester's public data.
    func membershipRequest(_ record: OrganizationMembershipRequestRecord, user: UserRecord,
                           in db: any SQLDatabase) async throws -> OrganizationMembershipRequest {
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
        return OrganizationMembershipRequest(
            id: record.id, organizationID: record.organizationId, status: record.status,
            publicUserData: publicUserData(user, identifications: identifications),
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// A verified domain with its affiliation verification and what its automatic enrollment left pending.
    func domain(_ record: OrganizationDomainRecord, organization: OrganizationRecord,
                in db: any SQLDatabase) async throws -> OrganizationDomain {
        let verification = try await instance.codes.find(owner: record.id, slot: OrganizationDomains.slot, in: db).map {
            OrganizationDomain.DomainVerification(status: $0.status, strategy: .emailCode, attempts: $0.attempts,
                                                  expireAt: $0.expireAt.map(date))
        }
        return OrganizationDomain(
            id: record.id, organizationID: record.organizationId, name: record.name, enrollmentMode: record.enrollmentMode.rawValue,
            affiliationEmailAddress: record.affiliationEmailAddress, verification: verification,
            totalPendingInvitations: try await pendingByDomain(OrganizationInvitationRecord.table, record.id, in: db),
            totalPendingSuggestions: try await pendingByDomain(OrganizationSuggestionRecord.table, record.id, in: db),
            publicOrganizationData: publicOrganizationData(organization),
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    private func pendingByDomain(_ table: String, _ domainID: String, in db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where("domain_id", .equal, domainID).where("status", .equal, "pending").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A configured role with its permissions. Roles live in the settings, so their ids are derived from their keys and
    /// their timestamps are the instance's start.
    func role(_ definition: OrganizationRoleDefinition) -> Role {
        let catalog = instance.settings.organizations.allPermissions
        let permissions = definition.permissions.compactMap { key in catalog.first { $0.key == key } }.map { permission in
            Permission(id: Self.stableID("perm", permission.key), name: permission.name, key: permission.key,
                       description: permission.description,
                       type: OrganizationPermissionCatalog.isSystem(permission.key) ? "system" : "user",
                       createdAt: instance.startedAt, updatedAt: instance.startedAt)
        }
        let minimum = OrganizationPermissionCatalog.minimumRequired
        return Role(id: Self.stableID("role", definition.key), name: definition.name, key: definition.key,
                    description: definition.description, isCreatorEligible: minimum.isSubset(of: definition.permissions),
                    permissions: permissions, createdAt: instance.startedAt, updatedAt: instance.startedAt)
    }

    /// `prefix_` plus 27 hex digits of the key's SHA-256: the same id for the same key on every start.
    static func stableID(_ prefix: String, _ key: String) -> String {
        prefix + "_" + String(SHA256.hash(data: Data(key.utf8)).hexString.prefix(27))
    }
}
