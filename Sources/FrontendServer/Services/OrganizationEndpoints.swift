import Foundation
import FrontendAPI
import SQLKit

/// `/v1/organizations` and `/v1/organizations/{id}`: create, read, update and delete an organization, and its logo
/// (operations `createOrganization`, `getOrganization`, `updateOrganization`, `deleteOrganization`,
/// `updateOrganizationLogo`, `deleteOrganizationLogo`). The caller acts for its session (`_clerk_session_id` or the
/// client's current one), as on `/v1/me`.
struct OrganizationEndpoints: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }
    var access: OrganizationAccess { OrganizationAccess(instance: instance) }
    var settings: OrganizationsSettings { instance.settings.organizations }

    static let maxNameLength = 256

    /// `POST /v1/organizations`: the creator becomes a member with the creator role. Under forced selection a session
    /// without an organization gets this one, which completes its `choose-organization` task.
    func create() async throws -> Reply {
        try access.requireEnabled()
        return try await instance.database.write { db in
            var (session, user, client) = try await me.context(in: db)
            guard settings.userMayCreate else { throw APIFailure.userCreateOrganizationNotEnabled }
            let name = try Self.validName(form.string("name"))
            let requested = settings.slugDisabled ? nil : try form.nonEmpty("slug").map(Self.validSlug)
            try await ensureCreationQuota(user.id, in: db)
            let now = instance.nowMS
            let organization = OrganizationRecord(
                id: RandomToken.id(.org), name: name, slug: try await slug(requested, name: name, in: db), imageFile: nil,
                publicMetadata: "{}", maxAllowedMemberships: settings.maxAllowedMemberships,
                adminDeleteEnabled: settings.adminDeleteEnabled, createdBy: user.id, createdAt: now, updatedAt: now)
            try await organization.insert(in: db)
            try await OrganizationMembershipRecord(id: RandomToken.id(.orgmem), organizationId: organization.id, userId: user.id,
                                                   role: settings.creatorRole, publicMetadata: "{}", createdAt: now, updatedAt: now)
                .insert(in: db)
            if settings.forceOrganizationSelection, session.lastActiveOrganizationId == nil {
                session.lastActiveOrganizationId = organization.id
                session.updatedAt = now
                try await session.save(in: db)
            }
            return try await exchange.envelope(try await exchange.presenter.organization(organization, in: db), client: client, in: db)
        }
    }

    /// `GET /v1/organizations/{id}`, for members only.
    func get(_ id: String) async throws -> Reply {
        try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, _) = try await access.member(of: id, userID: user.id, in: db)
            return try await exchange.envelope(try await exchange.presenter.organization(organization, in: db), client: client, in: db)
        }
    }

    /// `PATCH /v1/organizations/{id}`: `name`, `slug`; needs `org:sys_profile:manage`.
    func update(_ id: String) async throws -> Reply {
        let name = try form.string("name").map(Self.validName)
        let slug = settings.slugDisabled ? nil : try form.string("slug").map(Self.validSlug)
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            var (organization, membership) = try await access.member(of: id, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.profileManage, membership)
            if let name { organization.name = name }
            if let slug, slug != organization.slug {
                guard try await OrganizationRecord.first(in: db, where: "slug", equals: slug) == nil else {
                    throw APIFailure.identifierExists("slug")
                }
                organization.slug = slug
            }
            organization.updatedAt = instance.nowMS
            try await organization.save(in: db)
            return try await exchange.envelope(try await exchange.presenter.organization(organization, in: db), client: client, in: db)
        }
    }

    /// `DELETE /v1/organizations/{id}`: needs the organization's `admin_delete_enabled` and `org:sys_profile:delete`.
    /// Members, invitations, domains and suggestions go with it; sessions that had it active lose it.
    func delete(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: id, userID: user.id, in: db)
            guard organization.adminDeleteEnabled else { throw APIFailure.organizationAdminDeleteNotEnabled }
            try access.require(OrganizationPermissionCatalog.profileDelete, membership)
            try await access.deactivate(organizationID: organization.id, in: db)
            try await organization.delete(in: db)
            if let logo = organization.imageFile { try await instance.images.remove(logo, in: db) }
            return try await exchange.envelope(DeletedObject(object: "organization", id: organization.id), client: client, in: db)
        }
    }

    // MARK: Validation

    /// A name is required, at most 256 characters once trimmed, and may not contain URLs or HTML (spec:
    /// `createOrganization`).
    static func validName(_ raw: String?) throws(APIFailure) -> String {
        let name = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .paramMissing("name") }
        guard name.count <= maxNameLength else { throw .paramTooLong("name", maximum: maxNameLength) }
        let lowered = name.lowercased()
        if name.contains("<") || name.contains(">") || lowered.contains("://") || lowered.contains("www.") {
            throw .organizationNameInvalid(name)
        }
        return name
    }

    static func validSlug(_ raw: String) throws(APIFailure) -> String {
        guard OrganizationSlug.isValid(raw) else {
            throw .paramInvalid("slug", "slug must contain only lowercase letters, digits, '-' and '_' (at most \(OrganizationSlug.maxLength)).")
        }
        return raw
    }

    /// The requested slug if free (422 `form_identifier_exists` on `slug` otherwise), or one derived from the name and
    /// numbered until free.
    private func slug(_ requested: String?, name: String, in db: any SQLDatabase) async throws -> String {
        if let requested {
            guard try await OrganizationRecord.first(in: db, where: "slug", equals: requested) == nil else {
                throw APIFailure.identifierExists("slug")
            }
            return requested
        }
        let base = OrganizationSlug.derive(from: name)
        var attempt = 1
        while try await OrganizationRecord.first(in: db, where: "slug", equals: OrganizationSlug.candidate(base, attempt: attempt)) != nil {
            attempt += 1
        }
        return OrganizationSlug.candidate(base, attempt: attempt)
    }

    /// 403 `quota_exceeded` once the user has created `create_organizations_limit` organizations.
    private func ensureCreationQuota(_ userID: String, in db: any SQLDatabase) async throws {
        let limit = settings.createOrganizationsLimit
        guard limit > 0 else { return }
        let created = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(OrganizationRecord.table)
            .where("created_by", .equal, userID).first()?.decode(column: "n", as: Int.self) ?? 0
        if created >= limit { throw APIFailure.organizationCreationQuotaExceeded(limit) }
    }
}
