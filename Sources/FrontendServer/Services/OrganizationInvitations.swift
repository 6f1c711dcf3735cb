import FrontendAPI
import SQLKit

/// An organization's invitations (operations `createOrganizationInvitations`, `bulkCreateOrganizationInvitations`,
/// `getOrganizationInvitations`, `revokePendingOrganizationInvitation`), all needing `org:sys_memberships:manage`.
///
/// An invitation is to an email address, which may have no account yet: it stays pending, and once someone signs up
/// and verifies that address it is listed among their `/v1/me/organization_invitations`. The invitee can also follow
/// its link, whose ticket signs them in or up and makes them a member (`InvitationTickets`). A development instance
/// "sends" the link to the outbox for every address, test identities included: they only skip codes.
struct OrganizationInvitations: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }
    var access: OrganizationAccess { OrganizationAccess(instance: instance) }

    /// Clerk's organization invitations last 30 days.
    static let lifetime: Int64 = 30 * 24 * 3600 * 1000

    /// `email_address`, `role`: one invitation.
    func create(_ organizationID: String) async throws -> Reply {
        let email = try exchange.call.form.required("email_address")
        let role = try exchange.call.form.required("role")
        return try await instance.database.write { db in
            let (organization, client, created) = try await invite([email], role: role, to: organizationID, in: db)
            return try await exchange.envelope(try await exchange.presenter.invitation(created[0], organization: organization, in: db),
                                               client: client, in: db)
        }
    }

    /// `email_address` repeated, `role`: one invitation per address, answered as an array, all or none.
    func createBulk(_ organizationID: String) async throws -> Reply {
        let emails = (exchange.call.form.values["email_address"] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !emails.isEmpty else { throw APIFailure.paramMissing("email_address") }
        let role = try exchange.call.form.required("role")
        return try await instance.database.write { db in
            let (organization, client, created) = try await invite(emails, role: role, to: organizationID, in: db)
            var rendered: [OrganizationInvitation] = []
            for invitation in created { rendered.append(try await exchange.presenter.invitation(invitation, organization: organization, in: db)) }
            return try await exchange.envelope(rendered, client: client, in: db)
        }
    }

    /// `{data, total_count}`, newest first, filtered by `status`.
    func list(_ organizationID: String) async throws -> Reply {
        let pagination = try Pagination(query: exchange.call.query)
        let statuses = Set(exchange.call.query.values["status"] ?? []).subtracting([""])
        return try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
            let all = try await OrganizationQueries.inCreationOrder(OrganizationInvitationRecord.self, where: "organization_id",
                                                                    equals: organization.id, in: db).reversed()
                .filter { statuses.isEmpty || statuses.contains(exchange.presenter.invitationStatus($0).rawValue) }
            var page: [OrganizationInvitation] = []
            for invitation in pagination.page(Array(all)) {
                page.append(try await exchange.presenter.invitation(invitation, organization: organization, in: db))
            }
            return try await exchange.envelope(PaginatedList(data: page, totalCount: all.count), client: client, in: db)
        }
    }

    /// `GET …/invitations/pending` (deprecated `getAllPendingOrganizationInvitations`, kept for older SDKs): the pending
    /// invitations, newest first, as a bare array.
    func listPending(_ organizationID: String) async throws -> Reply {
        try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
            var pending: [OrganizationInvitation] = []
            for invitation in try await OrganizationQueries.inCreationOrder(OrganizationInvitationRecord.self, where: "organization_id",
                                                                            equals: organization.id, in: db).reversed()
            where exchange.presenter.invitationStatus(invitation) == .pending {
                pending.append(try await exchange.presenter.invitation(invitation, organization: organization, in: db))
            }
            return try await exchange.envelope(pending, client: client, in: db)
        }
    }

    /// A pending invitation becomes `revoked`; anything else is 404 `organization_invitation_not_pending`.
    func revoke(_ organizationID: String, invitationID: String) async throws -> Reply {
        try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
            guard var invitation = try await OrganizationInvitationRecord.find(invitationID, in: db),
                  invitation.organizationId == organization.id else { throw APIFailure.organizationInvitationNotFound(invitationID) }
            guard exchange.presenter.invitationStatus(invitation) == .pending else { throw APIFailure.organizationInvitationNotPending }
            invitation.status = .revoked
            invitation.updatedAt = instance.nowMS
            try await invitation.save(in: db)
            return try await exchange.envelope(exchange.presenter.invitation(invitation, organization: organization),
                                               client: client, in: db)
        }
    }

    /// Checks and creates invitations for `rawEmails`: the caller may manage members, the role exists, every address is
    /// valid (422 naming the bad ones), none belongs to a member (400 `already_a_member_in_organization`) or has a
    /// pending invitation (400 `duplicate_record`), and the organization has room for them all.
    private func invite(_ rawEmails: [String], role: String, to organizationID: String,
                        in db: any SQLDatabase) async throws -> (OrganizationRecord, ClientRecord, [OrganizationInvitationRecord]) {
        let (_, user, client) = try await me.context(in: db)
        let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
        try access.require(OrganizationPermissionCatalog.membershipsManage, membership)
        guard let definition = instance.settings.organizations.role(role) else { throw APIFailure.organizationRoleNotFound }
        let emails = try Self.normalized(rawEmails)
        try await ensureInvitable(emails, organization: organization, in: db)
        try await access.ensureSeats(organization, adding: emails.count, countingInvitations: true, in: db)
        var created: [OrganizationInvitationRecord] = []
        for email in emails {
            created.append(try await Self.insert(email: email, role: definition.key, organization: organization,
                                                 domainID: nil, instance: instance, in: db))
        }
        return (organization, client, created)
    }

    /// Lowercased and deduplicated, or 422 `form_param_format_invalid` listing the invalid ones.
    static func normalized(_ rawEmails: [String]) throws(APIFailure) -> [String] {
        var emails: [String] = [], invalid: [String] = []
        for raw in rawEmails {
            guard let email = Identifiers.normalizedEmail(raw) else { invalid.append(raw); continue }
            if !emails.contains(email) { emails.append(email) }
        }
        guard invalid.isEmpty else {
            throw APIFailure(.unprocessableContent, "form_param_format_invalid", "invalid email addresses",
                             long: "The following email addresses are invalid: " + invalid.joined(separator: ", "),
                             meta: ErrorMeta(paramName: "email_address", emailAddresses: invalid))
        }
        return emails
    }

    private func ensureInvitable(_ emails: [String], organization: OrganizationRecord, in db: any SQLDatabase) async throws {
        for email in emails {
            guard let owner = try await IdentificationRecord.first(in: db, where: "value", equals: email), owner.verified else { continue }
            if try await access.membership(userID: owner.userId, organizationID: organization.id, in: db) != nil {
                throw APIFailure.alreadyAMemberInOrganization(email)
            }
        }
        let pending = try await OrganizationInvitationRecord.all(in: db, where: "organization_id", equals: organization.id)
            .filter { exchange.presenter.invitationStatus($0) == .pending && emails.contains($0.emailAddress) }.map(\.emailAddress)
        if !pending.isEmpty { throw APIFailure.duplicateInvitations(emails.filter(pending.contains)) }
    }

    /// Stores a pending invitation and "sends" it: manual ones go to the outbox with their link (every address: test
    /// identities skip codes, not invitations); automatic ones (`domainID`) are only listed to the user, as Clerk does.
    static func insert(email: String, role: String, organization: OrganizationRecord, domainID: String?,
                       instance: FrontendInstance, in db: any SQLDatabase) async throws -> OrganizationInvitationRecord {
        let now = instance.nowMS
        let invitation = OrganizationInvitationRecord(
            id: RandomToken.id(.orginv), organizationId: organization.id, emailAddress: email, role: role, status: .pending,
            publicMetadata: "{}", domainId: domainID, expiresAt: now + lifetime, createdAt: now, updatedAt: now)
        try await invitation.insert(in: db)
        if domainID == nil {
            // The outbox's `code` column holds what a message carries: here the link, ticket included.
            let link = try await InvitationTickets(instance: instance).link(for: invitation, in: db)
            try await OutboxMessage(id: RandomToken.id(.outbox), channel: "email", recipient: email,
                                    purpose: "organization_invitation", code: link, createdAt: now).insert(in: db)
        }
        return invitation
    }
}
