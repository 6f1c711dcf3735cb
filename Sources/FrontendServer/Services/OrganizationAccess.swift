import FrontendAPI
import SQLKit

/// Who may do what in an organization: the acting user's membership, its role's permissions, and the rules that
/// keep every organization manageable.
struct OrganizationAccess: Sendable {
    let instance: FrontendInstance
    var settings: OrganizationsSettings { instance.settings.organizations }

    /// Every organization route answers 403 `organization_not_enabled_in_instance` while organizations are off.
    func requireEnabled() throws(APIFailure) {
        guard settings.enabled else { throw .organizationsNotEnabled }
    }

    func membership(userID: String, organizationID: String, in db: any SQLDatabase) async throws -> OrganizationMembershipRecord? {
        try await db.select().column("*").from(OrganizationMembershipRecord.table)
            .where("organization_id", .equal, organizationID).where("user_id", .equal, userID)
            .first(decoding: OrganizationMembershipRecord.self, keyDecodingStrategy: Columns.decoding)
    }

    /// The organization and the caller's membership in it; 404 `organization_not_found_or_unauthorized` when either is
    /// missing, so that outsiders cannot tell the two apart.
    func member(of organizationID: String, userID: String,
                in db: any SQLDatabase) async throws -> (OrganizationRecord, OrganizationMembershipRecord) {
        try requireEnabled()
        guard let organization = try await OrganizationRecord.find(organizationID, in: db),
              let membership = try await membership(userID: userID, organizationID: organizationID, in: db) else {
            throw APIFailure.organizationNotFoundOrUnauthorized
        }
        return (organization, membership)
    }

    /// The permission keys `role` grants (none for a role no longer configured).
    func permissions(of role: String) -> [String] { settings.role(role)?.permissions ?? [] }

    /// 403 `missing_organization_permission` unless the membership's role grants `permission`.
    func require(_ permission: String, _ membership: OrganizationMembershipRecord) throws(APIFailure) {
        guard permissions(of: membership.role).contains(permission) else { throw .missingOrganizationPermission(permission) }
    }

    /// The token claim of `userID` acting in `organizationID`, or nil when they are not (or no longer) a member.
    func claim(userID: String, organizationID: String, in db: any SQLDatabase) async throws -> OrganizationClaim? {
        let row = try await db.raw("""
            SELECT organizations.slug AS slug, organization_memberships.role AS role
            FROM organization_memberships JOIN organizations ON organizations.id = organization_memberships.organization_id
            WHERE organization_memberships.organization_id = \(bind: organizationID)
              AND organization_memberships.user_id = \(bind: userID)
            """).first()
        guard let row else { return nil }
        let role = try row.decode(column: "role", as: String.self)
        return OrganizationClaim(id: organizationID, slug: try row.decode(column: "slug", as: String.self), role: role,
                                 permissions: permissions(of: role))
    }

    /// 400 `organization_minimum_permissions_needed` when `userID` is the last member whose role grants the minimum
    /// permissions (manage and read members, delete the organization) and would lose them.
    func ensureMinimumKept(organizationID: String, losingUserID userID: String, in db: any SQLDatabase) async throws {
        let members = try await OrganizationMembershipRecord.all(in: db, where: "organization_id", equals: organizationID)
        let holders = members.filter { OrganizationPermissionCatalog.minimumRequired.isSubset(of: permissions(of: $0.role)) }
        if holders.count == 1, holders[0].userId == userID { throw APIFailure.organizationMinimumPermissionsNeeded }
    }

    /// Sessions whose active organization was `organizationID` (all of them, or only `userID`'s) fall back to the
    /// personal account, or to `pending` under forced selection.
    func deactivate(organizationID: String, forUser userID: String? = nil, in db: any SQLDatabase) async throws {
        var query = db.update(SessionRecord.table).set("last_active_organization_id", to: SQLLiteral.null)
            .set("updated_at", to: instance.nowMS).where("last_active_organization_id", .equal, organizationID)
        if let userID { query = query.where("user_id", .equal, userID) }
        try await query.run()
    }

    /// Members plus pending invitations, which count against `max_allowed_memberships` as in Clerk.
    func seatsTaken(_ organizationID: String, countingInvitations: Bool, in db: any SQLDatabase) async throws -> Int {
        let members = try await OrganizationQueries.count(OrganizationMembershipRecord.table, organizationID: organizationID, in: db)
        guard countingInvitations else { return members }
        return members + (try await OrganizationQueries.pendingInvitations(organizationID, now: instance.nowMS, in: db))
    }

    /// 403 `organization_membership_quota_exceeded` when `adding` more would pass the organization's limit.
    func ensureSeats(_ organization: OrganizationRecord, adding: Int, countingInvitations: Bool,
                     in db: any SQLDatabase) async throws {
        let limit = organization.maxAllowedMemberships
        guard limit > 0 else { return }
        let taken = try await seatsTaken(organization.id, countingInvitations: countingInvitations, in: db)
        if taken + adding > limit { throw APIFailure.organizationMembershipQuotaExceeded(limit) }
    }
}

/// Queries shared by the presenters and services.
enum OrganizationQueries {
    /// Rows where `column` equals `value`, oldest first; rows of the same millisecond in the order they were written.
    static func inCreationOrder<R: Record>(_ type: R.Type, where column: String, equals value: String,
                                           in db: any SQLDatabase) async throws -> [R] {
        try await db.select().column("*").from(R.table).where(SQLIdentifier(column), .equal, SQLBind(value))
            .orderBy("created_at").orderBy("rowid").all(decoding: R.self, keyDecodingStrategy: Columns.decoding)
    }

    static func count(_ table: String, organizationID: String, in db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where("organization_id", .equal, organizationID).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Pending invitations that have not expired by `now`.
    static func pendingInvitations(_ organizationID: String, now: Int64, in db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(OrganizationInvitationRecord.table)
            .where("organization_id", .equal, organizationID).where("status", .equal, OrganizationInvitationStatus.pending)
            .where("expires_at", .greaterThan, now).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
