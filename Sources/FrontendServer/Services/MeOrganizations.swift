import Foundation
import FrontendAPI
import SQLKit

/// The signed-in user's side of organizations under `/v1/me` (operations `getOrganizationMemberships`,
/// `deleteOrganizationMemberships`, `getUsersOrganizationInvitations`, `acceptOrganizationInvitation`,
/// `getOrganizationSuggestions`, `acceptOrganizationSuggestion`, `getOrganizationCreationDefaults`).
struct MeOrganizations: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }
    var access: OrganizationAccess { OrganizationAccess(instance: instance) }
    var presenter: Presenter { exchange.presenter }

    /// Newest first; `{data, total_count}` with `paginated=true`, otherwise the bare page.
    func memberships() async throws -> Reply {
        try access.requireEnabled()
        let pagination = try Pagination(query: exchange.call.query)
        return try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let all = try await presenter.memberships(of: user, in: db)
            let page = pagination.page(all)
            if pagination.paginated {
                return try await exchange.envelope(PaginatedList(data: page, totalCount: all.count), client: client, in: db)
            }
            return try await exchange.envelope(page, client: client, in: db)
        }
    }

    /// Leaves the organization. The last member holding the minimum permissions cannot (400
    /// `organization_minimum_permissions_needed`); the user's sessions that had it active lose it.
    func leave(_ organizationID: String) async throws -> Reply {
        try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
            try await access.ensureMinimumKept(organizationID: organization.id, losingUserID: user.id, in: db)
            try await membership.delete(in: db)
            try await access.deactivate(organizationID: organization.id, forUser: user.id, in: db)
            try await me.touchUser(user.id, in: db)
            return try await exchange.envelope(DeletedObject(object: "organization_membership", id: membership.id),
                                               client: client, in: db)
        }
    }

    /// Invitations to any of the user's verified email addresses, newest first, filtered by `status` (repeatable).
    func invitations() async throws -> Reply {
        try access.requireEnabled()
        let pagination = try Pagination(query: exchange.call.query)
        let statuses = Set(exchange.call.query.values["status"] ?? []).subtracting([""])
        return try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let matching = try await invitations(to: user.id, in: db).reversed()
                .filter { statuses.isEmpty || statuses.contains(presenter.invitationStatus($0).rawValue) }
            var page: [OrganizationInvitation] = []
            for invitation in pagination.page(Array(matching)) {
                guard let organization = try await OrganizationRecord.find(invitation.organizationId, in: db) else { continue }
                page.append(try await presenter.invitation(invitation, organization: organization, forInvitee: true, in: db))
            }
            return try await exchange.envelope(PaginatedList(data: page, totalCount: matching.count), client: client, in: db)
        }
    }

    /// Accepts a pending invitation addressed to one of the user's verified addresses: the user joins with its role.
    func acceptInvitation(_ id: String) async throws -> Reply {
        try access.requireEnabled()
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            guard var invitation = try await invitations(to: user.id, in: db).first(where: { $0.id == id }),
                  let organization = try await OrganizationRecord.find(invitation.organizationId, in: db) else {
                throw APIFailure.organizationInvitationNotFound(id)
            }
            guard presenter.invitationStatus(invitation) == .pending else { throw APIFailure.organizationInvitationNotPending }
            try await Self.join(organization, userID: user.id, role: invitation.role, instance: instance, in: db)
            invitation.status = .accepted
            invitation.updatedAt = instance.nowMS
            try await invitation.save(in: db)
            try await me.touchUser(user.id, in: db)
            return try await exchange.envelope(presenter.invitation(invitation, organization: organization, forInvitee: true),
                                               client: client, in: db)
        }
    }

    /// Suggestions made for the user by verified domains, newest first, filtered by `status` (repeatable: clerk-js
    /// asks for `status=pending&status=accepted`).
    func suggestions() async throws -> Reply {
        try access.requireEnabled()
        let pagination = try Pagination(query: exchange.call.query)
        let statuses = Set(exchange.call.query.values["status"] ?? []).subtracting([""])
        return try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            var rendered: [OrganizationSuggestion] = []
            for suggestion in try await OrganizationQueries.inCreationOrder(OrganizationSuggestionRecord.self, where: "user_id",
                                                                            equals: user.id, in: db).reversed()
            where statuses.isEmpty || statuses.contains(suggestion.status) {
                guard let organization = try await OrganizationRecord.find(suggestion.organizationId, in: db) else { continue }
                rendered.append(presenter.suggestion(suggestion, organization: organization))
            }
            return try await exchange.envelope(PaginatedList(data: pagination.page(rendered), totalCount: rendered.count),
                                               client: client, in: db)
        }
    }

    /// Requests to join: the suggestion becomes `accepted` ("Pending approval") and a membership request waits for an
    /// admin of the organization.
    func acceptSuggestion(_ id: String) async throws -> Reply {
        try access.requireEnabled()
        return try await instance.database.write { db in
            let (_, user, client) = try await me.context(in: db)
            guard var suggestion = try await OrganizationSuggestionRecord.find(id, in: db), suggestion.userId == user.id,
                  let organization = try await OrganizationRecord.find(suggestion.organizationId, in: db) else {
                throw APIFailure.notFound("Organization suggestion")
            }
            guard suggestion.status == "pending" else { throw APIFailure.organizationSuggestionAlreadyAccepted }
            let now = instance.nowMS
            suggestion.status = "accepted"
            suggestion.updatedAt = now
            try await suggestion.save(in: db)
            try await OrganizationMembershipRequestRecord(id: RandomToken.id(.orgreq), organizationId: organization.id, userId: user.id,
                                                          status: "pending", createdAt: now, updatedAt: now).insert(in: db)
            return try await exchange.envelope(presenter.suggestion(suggestion, organization: organization), client: client, in: db)
        }
    }

    /// A name suggested from the user's primary email domain (`ada@analytical-engines.com` → `Analytical Engines`), none
    /// for the big public providers; no advisory.
    func creationDefaults() async throws -> Reply {
        try access.requireEnabled()
        return try await instance.database.read { db in
            let (_, user, client) = try await me.context(in: db)
            let email = try await IdentificationRecord.find(user.primaryEmailAddressId ?? "", in: db)?.value
            let name = email.flatMap { Self.suggestedName(forDomain: CommonEmailDomains.domain(of: $0)) }
            let form = OrganizationCreationDefaults.Form(name: name, slug: name.map(OrganizationSlug.derive(from:)) ?? "")
            return try await exchange.envelope(OrganizationCreationDefaults(form: form), client: client, in: db)
        }
    }

    static func suggestedName(forDomain domain: String) -> String? {
        guard !domain.isEmpty, !CommonEmailDomains.contains(domain), !DisposableEmailDomains.contains(domain), let label = domain.split(separator: ".").first else { return nil }
        return label.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }

    // MARK: Shared

    /// Invitations addressed to the user's verified email addresses, oldest first.
    func invitations(to userID: String, in db: any SQLDatabase) async throws -> [OrganizationInvitationRecord] {
        let emails = try await IdentificationRecord.all(in: db, where: "user_id", equals: userID)
            .filter { $0.kind == .emailAddress && $0.verified }.map(\.value)
        guard !emails.isEmpty else { return [] }
        return try await db.select().column("*").from(OrganizationInvitationRecord.table)
            .where("email_address", .in, emails).orderBy("created_at").orderBy("rowid")
            .all(decoding: OrganizationInvitationRecord.self, keyDecodingStrategy: Columns.decoding)
    }

    /// Adds the user to `organization` with `role`: 400 `already_a_member_in_organization` for a member, 403
    /// `organization_membership_quota_exceeded` when the organization is full. An accepted invitation already held its
    /// seat; anyone else takes a new one, which pending invitations may have reserved (`countingInvitations`).
    @discardableResult
    static func join(_ organization: OrganizationRecord, userID: String, role: String, countingInvitations: Bool = false,
                     instance: FrontendInstance, in db: any SQLDatabase) async throws -> OrganizationMembershipRecord {
        let access = OrganizationAccess(instance: instance)
        if try await access.membership(userID: userID, organizationID: organization.id, in: db) != nil {
            throw APIFailure.alreadyAMemberInOrganization("User \(userID)")
        }
        try await access.ensureSeats(organization, adding: 1, countingInvitations: countingInvitations, in: db)
        let now = instance.nowMS
        let membership = OrganizationMembershipRecord(id: RandomToken.id(.orgmem), organizationId: organization.id, userId: userID,
                                                      role: role, publicMetadata: "{}", createdAt: now, updatedAt: now)
        try await membership.insert(in: db)
        return membership
    }
}
