import FrontendAPI
import SQLKit

/// An organization's verified domains (operations `CreateOrganizationDomain`, `ListOrganizationDomains`,
/// `GetOrganizationDomain`, `deleteOrganizationDomain`, `prepareOrganizationDomainVerification`,
/// `attemptOrganizationDomainVerification`, `UpdateOrganizationDomainEnrollmentMode`), as far as automatic invitations
/// and suggestions need them. Reading needs `org:sys_domains:read`, changing `org:sys_domains:manage`; all need
/// `[organizations.domains] enabled`.
///
/// A domain's affiliation is verified with a code sent to an address at it (`local-part@domain`, through the outbox;
/// a `+clerk_test` address on a development instance takes 424242 and gets nothing), or at once when the admin adding
/// it has such an address verified (Clerk's "Verified domains" guide). Only one organization may hold a verified
/// domain; public providers (`organization_domain_common`) and disposable ones (`organization_domain_blocked`) none.
struct OrganizationDomains: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var form: FormBody { exchange.call.form }
    var me: MeEndpoints { MeEndpoints(exchange: exchange) }
    var access: OrganizationAccess { OrganizationAccess(instance: instance) }

    /// The verification of a domain's affiliation lives under the domain's id in this slot.
    static let slot = "affiliation"

    func create(_ organizationID: String) async throws -> Reply {
        let name = try Self.validName(try form.required("name"))
        return try await instance.database.write { db in
            let (organization, user, client) = try await manage(organizationID, in: db)
            guard !CommonEmailDomains.contains(name) else { throw APIFailure.organizationDomainCommon }
            guard !DisposableEmailDomains.contains(name) else { throw APIFailure.organizationDomainBlocked }
            let existing = try await OrganizationDomainRecord.all(in: db, where: "name", equals: name)
            guard !existing.contains(where: { $0.organizationId == organization.id || $0.verifiedAt != nil }) else {
                throw APIFailure.organizationDomainAlreadyExists
            }
            let now = instance.nowMS
            var domain = OrganizationDomainRecord(id: RandomToken.id(.orgdmn), organizationId: organization.id, name: name,
                                                  enrollmentMode: .manualInvitation, createdAt: now, updatedAt: now)
            if let email = try await verifiedAddress(of: user.id, at: name, in: db) {
                try await markVerified(&domain, email: email, in: db)
            }
            try await domain.insert(in: db)
            return try await render(domain, organization, client, in: db)
        }
    }

    /// `{data, total_count}`, filtered by `verified` and `enrollment_mode`.
    func list(_ organizationID: String) async throws -> Reply {
        let pagination = try Pagination(query: exchange.call.query)
        let verified = try exchange.call.query.bool("verified")
        let mode = exchange.call.query.nonEmpty("enrollment_mode")
        return try await instance.database.read { db in
            let (organization, client) = try await read(organizationID, in: db)
            var all: [OrganizationDomain] = []
            for record in try await OrganizationDomainRecord.all(in: db, where: "organization_id", equals: organization.id)
            where (verified == nil || verified == (record.verifiedAt != nil)) && (mode == nil || mode == record.enrollmentMode.rawValue) {
                all.append(try await exchange.presenter.domain(record, organization: organization, in: db))
            }
            return try await exchange.envelope(PaginatedList(data: pagination.page(all), totalCount: all.count), client: client, in: db)
        }
    }

    func get(_ organizationID: String, domainID: String) async throws -> Reply {
        try await instance.database.read { db in
            let (organization, client) = try await read(organizationID, in: db)
            return try await render(try await domain(domainID, of: organization, in: db), organization, client, in: db)
        }
    }

    /// Removes the domain; its pending automatic invitations are revoked and its pending suggestions dropped.
    func delete(_ organizationID: String, domainID: String) async throws -> Reply {
        try await instance.database.write { db in
            let (organization, _, client) = try await manage(organizationID, in: db)
            let domain = try await domain(domainID, of: organization, in: db)
            try await dropPending(domainID: domain.id, in: db)
            try await db.delete(from: VerificationRecord.table).where("owner_id", .equal, domain.id).run()
            try await domain.delete(in: db)
            return try await exchange.envelope(DeletedObject(object: "organization_domain", id: domain.id), client: client, in: db)
        }
    }

    /// Sends a code to `affiliation_email_address`, which must be at the domain (422 `organization_domain_mismatch`).
    func prepare(_ organizationID: String, domainID: String) async throws -> Reply {
        let raw = try form.required("affiliation_email_address")
        guard let email = Identifiers.normalizedEmail(raw) else { throw APIFailure.paramInvalid("affiliation_email_address") }
        return try await instance.database.write { db in
            let (organization, _, client) = try await manage(organizationID, in: db)
            var domain = try await domain(domainID, of: organization, in: db)
            guard domain.verifiedAt == nil else { throw APIFailure.verificationAlreadyVerified }
            guard CommonEmailDomains.domain(of: email) == domain.name else { throw APIFailure.organizationDomainMismatch }
            try await instance.rateLimiter.hit(.identifierSend, key: email, in: db)
            _ = try await instance.codes.prepare(owner: domain.id, slot: Self.slot, strategy: .emailCode,
                                                 to: .init(kind: .emailAddress, value: email, identificationID: nil),
                                                 purpose: "verify_organization_domain", in: db)
            domain.affiliationEmailAddress = email
            domain.updatedAt = instance.nowMS
            try await domain.save(in: db)
            return try await render(domain, organization, client, in: db)
        }
    }

    /// Checks `code`; wrong codes count toward the verification's cap and commit either way.
    func attempt(_ organizationID: String, domainID: String) async throws -> Reply {
        try await instance.rateLimiter.hit(.attempt, key: exchange.call.remoteIP)
        let code = try form.required("code")
        return try await instance.writeCommitting { db in
            let (organization, _, client) = try await manage(organizationID, in: db)
            var domain = try await domain(domainID, of: organization, in: db)
            if case .rejected(let failure) = try await instance.codes.attempt(owner: domain.id, slot: Self.slot, strategy: .emailCode,
                                                                              code: code, in: db) {
                return .rejected(failure)
            }
            try await ensureUnclaimed(domain, in: db)
            domain.verifiedAt = instance.nowMS
            domain.updatedAt = instance.nowMS
            try await domain.save(in: db)
            return .success(try await render(domain, organization, client, in: db))
        }
    }

    /// `enrollment_mode` must be one the instance offers (403 `organization_domain_enrollment_mode_not_enabled`);
    /// `delete_pending` drops what the previous mode left pending. New verified addresses at the domain follow it.
    func updateEnrollmentMode(_ organizationID: String, domainID: String) async throws -> Reply {
        let raw = try form.required("enrollment_mode")
        guard let mode = OrganizationEnrollmentMode(rawValue: raw) else {
            throw APIFailure(.unprocessableContent, "form_param_value_invalid", "is invalid",
                             long: "\(raw) does not match one of the allowed values for parameter enrollment_mode",
                             meta: ErrorMeta(paramName: "enrollment_mode"))
        }
        guard instance.settings.organizations.domains.enrollmentModes.contains(mode) else {
            throw APIFailure.organizationDomainEnrollmentModeNotEnabled(raw)
        }
        let deletePending = try form.bool("delete_pending") ?? false
        return try await instance.database.write { db in
            let (organization, _, client) = try await manage(organizationID, in: db)
            var domain = try await domain(domainID, of: organization, in: db)
            if deletePending { try await dropPending(domainID: domain.id, in: db) }
            domain.enrollmentMode = mode
            domain.updatedAt = instance.nowMS
            try await domain.save(in: db)
            return try await render(domain, organization, client, in: db)
        }
    }

    // MARK: Helpers

    /// A lowercase host name with at least two labels of letters, digits and inner hyphens.
    static func validName(_ raw: String) throws(APIFailure) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard name.count <= 253, labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }) else { throw .paramInvalid("name", "name must be a domain name, such as example.com.") }
        return name
    }

    private func manage(_ organizationID: String,
                        in db: any SQLDatabase) async throws -> (OrganizationRecord, UserRecord, ClientRecord) {
        guard instance.settings.organizations.domains.enabled else { throw APIFailure.organizationDomainsNotEnabled }
        let (_, user, client) = try await me.context(in: db)
        let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
        try access.require(OrganizationPermissionCatalog.domainsManage, membership)
        return (organization, user, client)
    }

    private func read(_ organizationID: String, in db: any SQLDatabase) async throws -> (OrganizationRecord, ClientRecord) {
        guard instance.settings.organizations.domains.enabled else { throw APIFailure.organizationDomainsNotEnabled }
        let (_, user, client) = try await me.context(in: db)
        let (organization, membership) = try await access.member(of: organizationID, userID: user.id, in: db)
        let granted = access.permissions(of: membership.role)
        guard granted.contains(OrganizationPermissionCatalog.domainsRead) || granted.contains(OrganizationPermissionCatalog.domainsManage) else {
            throw APIFailure.missingOrganizationPermission(OrganizationPermissionCatalog.domainsRead)
        }
        return (organization, client)
    }

    private func domain(_ id: String, of organization: OrganizationRecord, in db: any SQLDatabase) async throws -> OrganizationDomainRecord {
        guard let domain = try await OrganizationDomainRecord.find(id, in: db), domain.organizationId == organization.id else {
            throw APIFailure.notFound("Organization domain")
        }
        return domain
    }

    private func render(_ domain: OrganizationDomainRecord, _ organization: OrganizationRecord, _ client: ClientRecord,
                        in db: any SQLDatabase) async throws -> Reply {
        try await exchange.envelope(try await exchange.presenter.domain(domain, organization: organization, in: db), client: client, in: db)
    }

    /// The user's verified address at `domain`, which verifies it at once.
    private func verifiedAddress(of userID: String, at domain: String, in db: any SQLDatabase) async throws -> String? {
        try await IdentificationRecord.all(in: db, where: "user_id", equals: userID)
            .first { $0.kind == .emailAddress && $0.verified && CommonEmailDomains.domain(of: $0.value) == domain }?.value
    }

    private func markVerified(_ domain: inout OrganizationDomainRecord, email: String, in db: any SQLDatabase) async throws {
        try await ensureUnclaimed(domain, in: db)
        try await instance.codes.record(owner: domain.id, slot: Self.slot, strategy: .emailCode, status: .verified, in: db)
        domain.affiliationEmailAddress = email
        domain.verifiedAt = instance.nowMS
    }

    /// 422 `organization_domain_already_exists` when another organization already verified this domain.
    private func ensureUnclaimed(_ domain: OrganizationDomainRecord, in db: any SQLDatabase) async throws {
        let claimed = try await OrganizationDomainRecord.all(in: db, where: "name", equals: domain.name)
            .contains { $0.id != domain.id && $0.verifiedAt != nil }
        if claimed { throw APIFailure.organizationDomainAlreadyExists }
    }

    private func dropPending(domainID: String, in db: any SQLDatabase) async throws {
        try await db.update(OrganizationInvitationRecord.table).set("status", to: OrganizationInvitationStatus.revoked)
            .set("updated_at", to: instance.nowMS).where("domain_id", .equal, domainID)
            .where("status", .equal, OrganizationInvitationStatus.pending).run()
        try await db.delete(from: OrganizationSuggestionRecord.table).where("domain_id", .equal, domainID)
            .where("status", .equal, "pending").run()
    }
}
