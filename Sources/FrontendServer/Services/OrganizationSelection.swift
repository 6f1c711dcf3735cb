import FrontendAPI
import SQLKit

/// The organization a touch (`active_organization_id`) or a token request (`organization_id`) names, read as the spec
/// defines both (operations `touchSession`, `createSessionToken`).
struct OrganizationSelection: Sendable {
    let instance: FrontendInstance

    enum Choice: Equatable {
        /// Keep the session's active organization (the parameter was absent).
        case keep
        /// The personal account.
        case personal
        /// An organization by id or slug.
        case named(String)
    }

    /// Absent keeps the session's organization; `""` is the personal account, except while the instance forces
    /// organization selection, where it keeps the previous organization; anything else names one by id or slug.
    func choice(_ parameter: String?) -> Choice {
        guard let parameter else { return .keep }
        if parameter.isEmpty { return instance.settings.organizations.forceOrganizationSelection ? .keep : .personal }
        return .named(parameter)
    }

    /// The organization `reference` (an `org_` id or a slug) names, for a member of it: 404
    /// `organization_not_found_or_unauthorized` when there is none, 403 `not_a_member_in_organization` when the user
    /// does not belong to it; 403 `organization_not_enabled_in_instance` with organizations off.
    func resolve(_ reference: String, userID: String, in db: any SQLDatabase) async throws -> OrganizationRecord {
        let access = OrganizationAccess(instance: instance)
        try access.requireEnabled()
        let found = reference.hasPrefix("org_") ? try await OrganizationRecord.find(reference, in: db)
            : try await OrganizationRecord.first(in: db, where: "slug", equals: reference)
        guard let organization = found else { throw APIFailure.organizationNotFoundOrUnauthorized }
        guard try await access.membership(userID: userID, organizationID: organization.id, in: db) != nil else {
            throw APIFailure.notAMemberInOrganization
        }
        return organization
    }

    /// The organization claim a token for `session` carries after `choice`. Token requests are frequent (clerk-ios sends
    /// the active organization's id with each), so a claim read moments ago with nothing written since is reused.
    func tokenClaim(_ choice: Choice, session: SessionRecord) async throws -> OrganizationClaim? {
        let reference: String
        switch choice {
        case .personal: return nil
        case .keep:
            guard instance.settings.organizations.enabled, let active = session.lastActiveOrganizationId else { return nil }
            reference = active
        case .named(let named): reference = named
        }
        let strict = choice != .keep
        let key = OrganizationClaimKey(userID: session.userId, reference: reference, strict: strict)
        return try await instance.recentOrganizationClaims.value(for: key, generation: instance.database.generation,
                                                                 now: instance.nowMS) { [self] in
            let claim = try await instance.database.read { db in try await readClaim(key, in: db) }
            return (claim, true)
        }
    }

    /// A strict read fails as `resolve` does; the session's own organization simply has no claim once the user left it.
    private func readClaim(_ key: OrganizationClaimKey, in db: any SQLDatabase) async throws -> OrganizationClaim? {
        let access = OrganizationAccess(instance: instance)
        guard key.strict else { return try await access.claim(userID: key.userID, organizationID: key.reference, in: db) }
        let organization = try await resolve(key.reference, userID: key.userID, in: db)
        return try await access.claim(userID: key.userID, organizationID: organization.id, in: db)
    }
}

/// A token request's organization: the user, the id or slug named, and whether an unknown one is an error.
struct OrganizationClaimKey: Hashable, Sendable {
    let userID: String
    let reference: String
    let strict: Bool
}
