import FrontendAPI
import SQLKit

/// Who a billing request acts for: the signed-in user (`/v1/me/billing…`) or an organization they belong to
/// (`/v1/organizations/{id}/billing…`), whose routes need `org:sys_billing:read` to read and `org:sys_billing:manage`
/// to change anything, as Clerk's OrganizationProfile gates its billing pages.
struct BillingAccess: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var settings: BillingSettings { instance.billing.catalog.settings }

    enum Need { case read, manage }

    /// The caller, its client and the payer the request acts for: the organization `organizationID` names, else the user.
    func context(organizationID: String?, need: Need, in db: any SQLDatabase) async throws -> BillingContext {
        let (_, user, client) = try await MeEndpoints(exchange: exchange).context(in: db)
        guard let organizationID, !organizationID.isEmpty else {
            guard settings.userEnabled else { throw APIFailure.billingNotEnabled(.user) }
            return BillingContext(owner: .user(user.id), user: user, client: client)
        }
        let access = OrganizationAccess(instance: instance)
        let (_, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
        guard settings.organizationEnabled else { throw APIFailure.billingNotEnabled(.organization) }
        let granted = access.permissions(of: membership.role)
        switch need {
        case .read:
            guard granted.contains(OrganizationPermissionCatalog.billingRead) || granted.contains(OrganizationPermissionCatalog.billingManage) else {
                throw APIFailure.missingOrganizationPermission(OrganizationPermissionCatalog.billingRead)
            }
        case .manage:
            try access.require(OrganizationPermissionCatalog.billingManage, membership)
        }
        return BillingContext(owner: .organization(organizationID), user: user, client: client)
    }
}

/// A billing request's caller and payer.
struct BillingContext: Sendable {
    let owner: BillingOwner
    let user: UserRecord
    let client: ClientRecord
}
