/// The plans and features a session token grants through Billing: the user's plan and, with an active
/// organization, the organization's.
struct BillingClaim: Hashable, Sendable {
    var userPlan: String?
    var userFeatures: [String] = []
    var organizationPlan: String?
    var organizationFeatures: [String] = []
}

/// Builds Billing's session-token claims as Clerk mints them (version 2 only; clerk-js reads them in
/// `authorization.ts`): `pla` lists the plans (`u:pro,o:team`) and `fea` the features scoped `u:` (the user's plan)
/// and `o:` (the active organization's plan), user features first.
///
/// `o.fpm` holds one bitmask per `o:` feature of `fea`, in order (see `OrganizationClaims`), so the organization's
/// features are the plan's, followed by the features of custom permissions the plan does not list: a plan feature
/// without permissions has the mask 0.
enum BillingClaims {
    /// The `o:` features of `fea`, in order: the organization plan's, then the custom permissions' not already listed.
    static func organizationFeatures(_ billing: BillingClaim?, permissionFeatures: [String]) -> [String] {
        var features = billing?.organizationFeatures ?? []
        for feature in permissionFeatures where !features.contains(feature) { features.append(feature) }
        return features
    }

    /// Sets `pla` and puts the user's features in front of the organization's in `fea`.
    static func apply(_ billing: BillingClaim?, version: Int, to claims: inout SessionClaims) {
        guard let billing, version == 2 else { return }
        let plans = [billing.userPlan.map { "u:" + $0 }, billing.organizationPlan.map { "o:" + $0 }].compactMap { $0 }
        if !plans.isEmpty { claims.pla = plans.joined(separator: ",") }
        let user = billing.userFeatures.map { "u:" + $0 }
        let all = user + (claims.fea.map { [$0] } ?? [])
        claims.fea = all.isEmpty ? nil : all.joined(separator: ",")
    }
}
