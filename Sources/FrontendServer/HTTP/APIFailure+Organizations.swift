import FrontendAPI

/// Clerk's organization errors, with the statuses, codes and wording of its Frontend API error index
/// (clerk-docs `docs/errors/frontend-api.mdx`, section Organizations).
extension APIFailure {
    static let organizationsNotEnabled = APIFailure(
        .forbidden, "organization_not_enabled_in_instance", "access denied",
        long: "The organizations feature is not enabled for this instance. You can enable it at https://dashboard.clerk.com.")

    /// Used whether the organization does not exist or the caller may not see it, so that neither is revealed.
    static let organizationNotFoundOrUnauthorized = APIFailure(
        .notFound, "organization_not_found_or_unauthorized", "not found or unauthorized",
        long: "Given organization not found, or you don't have permission to access the organization")

    static let notAMemberInOrganization = APIFailure(
        .forbidden, "not_a_member_in_organization", "not a member",
        long: "Current user is not a member of the organization. Only organization members can perform this action.")

    static func missingOrganizationPermission(_ permissions: String...) -> APIFailure {
        APIFailure(.forbidden, "missing_organization_permission", "missing permission",
                   long: "Current user is missing an organization permission.",
                   meta: ErrorMeta(other: ["permissions": .array(permissions.map { .string($0) })]))
    }

    static let organizationAdminDeleteNotEnabled = APIFailure(
        .forbidden, "organization_admin_delete_not_enabled", "admin delete not enabled",
        long: "Deletion by admin is not enabled for this organization.")

    static let organizationMinimumPermissionsNeeded = APIFailure(
        .badRequest, "organization_minimum_permissions_needed", "minimum organization permissions needed",
        long: "There has to be at least one organization member with the minimum required permissions")

    static func organizationMembershipQuotaExceeded(_ maximum: Int) -> APIFailure {
        APIFailure(.forbidden, "organization_membership_quota_exceeded", "organization membership quota exceeded",
                   long: "You have reached your limit of \(maximum) organization memberships, including outstanding invitations.")
    }

    /// Organizations one user may create (`create_organizations_limit`) are used up.
    static func organizationCreationQuotaExceeded(_ maximum: Int) -> APIFailure {
        APIFailure(.forbidden, "quota_exceeded", "quota exceeded",
                   long: "You have reached your limit of \(maximum) organizations.")
    }

    static let userCreateOrganizationNotEnabled = APIFailure(
        .forbidden, "user_create_organization_not_enabled", "create organization not enabled",
        long: "Organization creation is not enabled for this user")

    static func alreadyAMemberInOrganization(_ who: String) -> APIFailure {
        APIFailure(.badRequest, "already_a_member_in_organization", "already a member",
                   long: "\(who) is already a member of the organization.")
    }

    /// Pending invitations already exist for these addresses (clerk-js lists `meta.email_addresses`).
    static func duplicateInvitations(_ emailAddresses: [String]) -> APIFailure {
        APIFailure(.badRequest, "duplicate_record", "duplicate invitation",
                   long: "There are already pending invitations for the following email addresses: "
                       + emailAddresses.joined(separator: ", ") + ".",
                   meta: ErrorMeta(emailAddresses: emailAddresses))
    }

    static func organizationInvitationNotFound(_ id: String) -> APIFailure {
        APIFailure(.notFound, "organization_invitation_not_found", "not found", long: "No invitation found with id \(id).")
    }

    static let organizationInvitationNotPending = APIFailure(
        .notFound, "organization_invitation_not_pending", "not pending",
        long: "The organization invitation is not in the \"pending\" status.")

    static let organizationSuggestionAlreadyAccepted = APIFailure(
        .badRequest, "organization_suggestion_already_accepted", "suggestion has already been accepted",
        long: "This organization suggestion has already been accepted.")

    /// `user_id` of `CreateOrganizationMembership` names nobody.
    static func userNotFound(_ id: String) -> APIFailure {
        APIFailure(.notFound, "resource_not_found", "not found", long: "No user was found with id \(id).",
                   meta: ErrorMeta(paramName: "user_id"))
    }

    /// Clerk's error index has no code of its own for membership requests: one that does not exist, belongs to another
    /// organization or was already accepted or rejected is not found among the pending ones.
    static func organizationMembershipRequestNotFound(_ id: String) -> APIFailure {
        APIFailure(.notFound, "resource_not_found", "not found", long: "No pending membership request was found with id \(id).")
    }

    static let organizationRoleNotFound = APIFailure(
        .notFound, "resource_not_found", "not found", long: "Organization role not found", meta: ErrorMeta(paramName: "role"))

    static let imageNotFound = APIFailure(.notFound, "image_not_found", "Image not found", long: "Image not found")

    static func paramTooLong(_ name: String, maximum: Int) -> APIFailure {
        APIFailure(.unprocessableContent, "form_param_max_length_exceeded", "exceeds maximum length",
                   long: "\(name) should not exceed \(maximum) characters.", meta: ErrorMeta(paramName: name))
    }

    static func organizationNameInvalid(_ name: String) -> APIFailure {
        APIFailure(.unprocessableContent, "form_param_value_invalid", "invalid organization name",
                   long: "The organization name \"\(name)\" is invalid: it may not contain URLs or HTML.",
                   meta: ErrorMeta(paramName: "name"))
    }

    // MARK: Verified domains

    static let organizationDomainsNotEnabled = APIFailure(
        .forbidden, "organization_domains_not_enabled", "organization domains not enabled",
        long: "This instance does not have domains enabled for organizations.")

    static let organizationDomainCommon = APIFailure(
        .unprocessableContent, "organization_domain_common", "common email domain",
        long: "This is a common email provider domain. Please use a different one.", meta: ErrorMeta(paramName: "name"))

    /// Disposable (throwaway) mail providers; the big public providers are `organizationDomainCommon`.
    static let organizationDomainBlocked = APIFailure(
        .unprocessableContent, "organization_domain_blocked", "blocked email domain",
        long: "This is a blocked email provider domain. Please use a different one.", meta: ErrorMeta(paramName: "name"))

    static let organizationDomainAlreadyExists = APIFailure(
        .unprocessableContent, "organization_domain_already_exists", "organizaton domain already exists",
        long: "This domain is already used by another organization.", meta: ErrorMeta(paramName: "name"))

    static let organizationDomainMismatch = APIFailure(
        .unprocessableContent, "organization_domain_mismatch", "Organization domain mismatch",
        long: "The provided email address doesn't match the organization domain name.",
        meta: ErrorMeta(paramName: "affiliation_email_address"))

    static func organizationDomainEnrollmentModeNotEnabled(_ mode: String) -> APIFailure {
        APIFailure(.forbidden, "organization_domain_enrollment_mode_not_enabled", "organization enrollment mode not enabled",
                   long: "Enrollment mode \(mode) is not enabled for this instances's organizations.")
    }

    static let verificationAlreadyVerified = APIFailure(
        .badRequest, "verification_already_verified", "already verified", long: "This verification has already been verified.")
}
