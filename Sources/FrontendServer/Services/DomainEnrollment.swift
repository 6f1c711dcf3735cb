import FrontendAPI
import SQLKit

/// Automatic enrollment by verified domain: when a user's email address becomes verified (at sign-up, when added to
/// the profile, or vouched for by a social provider), every organization that verified the address's domain enrolls
/// them as its domain's mode says: a pending invitation with the default role (`automatic_invitation`) or a suggestion
/// to request to join (`automatic_suggestion`). Members, and users already invited or suggested, get nothing new.
enum DomainEnrollment {
    static func enroll(userID: String, email: String, instance: FrontendInstance, in db: any SQLDatabase) async throws {
        let settings = instance.settings.organizations
        guard settings.enabled, settings.domains.enabled else { return }
        let access = OrganizationAccess(instance: instance)
        for domain in try await OrganizationDomainRecord.all(in: db, where: "name", equals: CommonEmailDomains.domain(of: email))
        where domain.verifiedAt != nil && settings.domains.enrollmentModes.contains(domain.enrollmentMode) {
            guard let organization = try await OrganizationRecord.find(domain.organizationId, in: db),
                  try await access.membership(userID: userID, organizationID: organization.id, in: db) == nil else { continue }
            switch domain.enrollmentMode {
            case .automaticInvitation:
                try await invite(email, to: organization, domain: domain, instance: instance, in: db)
            case .automaticSuggestion:
                try await suggest(userID, organization: organization, domain: domain, instance: instance, in: db)
            case .manualInvitation:
                break
            }
        }
    }

    private static func invite(_ email: String, to organization: OrganizationRecord, domain: OrganizationDomainRecord,
                               instance: FrontendInstance, in db: any SQLDatabase) async throws {
        let pending = try await OrganizationInvitationRecord.all(in: db, where: "organization_id", equals: organization.id)
            .contains { $0.emailAddress == email && $0.status == .pending && $0.expiresAt > instance.nowMS }
        guard !pending else { return }
        _ = try await OrganizationInvitations.insert(email: email, role: instance.settings.organizations.defaultRole,
                                                     organization: organization, domainID: domain.id, instance: instance, in: db)
    }

    private static func suggest(_ userID: String, organization: OrganizationRecord, domain: OrganizationDomainRecord,
                                instance: FrontendInstance, in db: any SQLDatabase) async throws {
        let existing = try await OrganizationSuggestionRecord.all(in: db, where: "user_id", equals: userID)
            .contains { $0.organizationId == organization.id }
        guard !existing else { return }
        let now = instance.nowMS
        try await OrganizationSuggestionRecord(id: RandomToken.id(.orgsugg), organizationId: organization.id, userId: userID,
                                               domainId: domain.id, status: "pending", createdAt: now, updatedAt: now).insert(in: db)
    }
}
