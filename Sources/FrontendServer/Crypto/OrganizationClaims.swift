/// The active organization as a session token carries it: who the member is there and what they may do.
struct OrganizationClaim: Hashable, Sendable {
    let id: String
    let slug: String
    /// The full role key, e.g. `org:admin`.
    let role: String
    /// Every permission key the role grants, system ones included (tokens leave those out).
    let permissions: [String]
}

/// v2's compact organization claim `o`.
struct CompactOrganizationClaim: Encodable, Equatable {
    let id: String
    let slg: String
    let rol: String
    let per: String
    let fpm: String
}

/// Builds the organization claims of a session token as Clerk mints them.
///
/// Version 2 (Clerk's session-token docs, "Version 2"; decoded by clerk-js's `jwtPayloadParser.ts`): `o` is
/// `{id, slg, rol, per, fpm}` where `rol` is the role key without its `org:` prefix, `per` the comma-separated names of
/// the member's custom permissions (`create` of `org:invoices:create`), and `fpm` one decimal bitmask per organization
/// feature listed in the top-level `fea` claim (`o:invoices,o:reports`), in that order; bit *i* (least significant
/// first) set means the member holds `org:<feature>:<per[i]>`.
///
/// Version 1: `org_id`, `org_slug`, `org_role` (full key) and `org_permissions` (custom permission keys).
///
/// Both leave system permissions (`org:sys_*`) out, as Clerk's docs state.
enum OrganizationClaims {
    /// `o` and `fea` for `claim`. `features` are the organization features of the instance's custom permissions, in
    /// the order they were configured; `fea` is nil when there are none.
    static func compact(_ claim: OrganizationClaim, features: [String]) -> (o: CompactOrganizationClaim, fea: String?) {
        let custom = claim.permissions.filter { !OrganizationPermissionCatalog.isSystem($0) }
        var names: [String] = []
        for key in custom {
            let name = action(of: key)
            if !names.contains(name) { names.append(name) }
        }
        let masks = features.map { feature in
            names.enumerated().reduce(0) { mask, entry in
                custom.contains("org:\(feature):\(entry.element)") ? mask | (1 << entry.offset) : mask
            }
        }
        let role = claim.role.hasPrefix("org:") ? String(claim.role.dropFirst(4)) : claim.role
        let o = CompactOrganizationClaim(id: claim.id, slg: claim.slug, rol: role, per: names.joined(separator: ","),
                                         fpm: masks.map(String.init).joined(separator: ","))
        return (o, features.isEmpty ? nil : features.map { "o:" + $0 }.joined(separator: ","))
    }

    /// The custom permission keys of `claim`, for v1's `org_permissions`.
    static func customPermissions(_ claim: OrganizationClaim) -> [String] {
        claim.permissions.filter { !OrganizationPermissionCatalog.isSystem($0) }
    }

    /// The distinct features of custom permission keys, in first-seen order.
    static func features(of permissions: [OrganizationPermissionDefinition]) -> [String] {
        var features: [String] = []
        for permission in permissions where !permission.feature.isEmpty && !features.contains(permission.feature) {
            features.append(permission.feature)
        }
        return features
    }

    /// Fills the organization claims of `claims` for the token version: `o`/`fea` for 2, `org_*` for 1.
    static func apply(_ claim: OrganizationClaim?, version: Int, features: [String], to claims: inout SessionClaims) {
        guard let claim else { return }
        if version == 1 {
            claims.orgID = claim.id
            claims.orgSlug = claim.slug
            claims.orgRole = claim.role
            claims.orgPermissions = customPermissions(claim)
        } else {
            let (o, fea) = compact(claim, features: features)
            claims.o = o
            claims.fea = fea
        }
    }

    private static func action(of key: String) -> String { String(key.split(separator: ":").last ?? "") }
}
