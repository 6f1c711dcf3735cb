import Foundation
import FrontendAPI
import SQLKit

/// Turns stored rows into FrontendAPI wire models, reading what it needs from the same transaction.
struct Presenter: Sendable {
    let instance: FrontendInstance
    /// The request's Origin, carried into `azp` of minted tokens.
    let origin: String?

    private func date(_ ms: Int64) -> Date { Date(epochMilliseconds: ms) }
    private func date(_ ms: Int64?) -> Date? { ms.map { Date(epochMilliseconds: $0) } }

    // MARK: Client

    func client(_ record: ClientRecord, in db: any SQLDatabase) async throws -> Client {
        let lifecycle = Sessions(instance: instance), now = instance.nowMS
        let sessions = try await SessionRecord.all(in: db, where: "client_id", equals: record.id)
            .filter { [.active, .pending].contains(lifecycle.effectiveStatus($0, now: now)) }
        var rendered: [Session] = []
        for session in sessions { rendered.append(try await self.session(session, in: db)) }
        let signIn = try await record.signInId.asyncMap { try await SignInRecord.find($0, in: db) } ?? nil
        let signUp = try await record.signUpId.asyncMap { try await SignUpRecord.find($0, in: db) } ?? nil
        return Client(
            id: record.id, sessions: rendered,
            signIn: try await signIn.asyncMap { try await self.signIn($0, in: db) },
            signUp: try await signUp.asyncMap { try await self.signUp($0, in: db) },
            lastActiveSessionID: sessions.contains { $0.id == record.lastActiveSessionId } ? record.lastActiveSessionId : nil,
            lastAuthenticationStrategy: record.lastAuthenticationStrategy,
            cookieExpiresAt: nil, createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    // MARK: Session

    func session(_ record: SessionRecord, in db: any SQLDatabase, withUser: Bool = true,
                 activity: SessionActivity? = nil) async throws -> Session {
        guard let user = try await UserRecord.find(record.userId, in: db) else { throw APIFailure.notFound("Session") }
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
        var token: Token? = nil
        let lifecycle = Sessions(instance: instance)
        let facts = SessionUserFacts(user, identifications: identifications)
        let status = lifecycle.presentedStatus(record, user: facts, now: instance.nowMS)
        if status == .active || status == .pending, !user.banned, instance.lockout.remaining(user, now: instance.nowMS) == nil {
            let organization = try await activeOrganizationClaim(record, in: db)
            let billing = try await BillingClaimsReader(instance: instance).claim(userID: record.userId,
                                                                                 organizationID: organization?.id, in: db)
            token = Token(jwt: try mintToken(record, organization: organization, billing: billing, status: status,
                                             reusing: true))
        }
        return Session(
            id: record.id, status: status, expireAt: date(record.expireAt),
            abandonAt: date(record.abandonAt), lastActiveAt: date(record.lastActiveAt), lastActiveToken: token,
            lastActiveOrganizationID: record.lastActiveOrganizationId, actor: nil, tasks: status == .pending ? lifecycle.tasks(record, user: facts) : nil,
            user: withUser ? try await self.user(user, identifications: identifications, in: db) : nil,
            publicUserData: publicUserData(user, identifications: identifications),
            factorVerificationAge: factorAges(record), latestActivity: activity,
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// The claim of the session's active organization, or nil for the personal account (or organizations off).
    func activeOrganizationClaim(_ record: SessionRecord, in db: any SQLDatabase) async throws -> OrganizationClaim? {
        guard instance.settings.organizations.enabled, let organizationID = record.lastActiveOrganizationId else { return nil }
        return try await OrganizationAccess(instance: instance).claim(userID: record.userId, organizationID: organizationID, in: db)
    }

    /// Minutes since the first and second factor, -1 for never (the `fva` claim).
    func factorAges(_ record: SessionRecord) -> [Int] {
        let now = instance.nowMS
        func minutes(_ at: Int64?) -> Int { at.map { Int(max(0, now - $0) / 60_000) } ?? -1 }
        return [minutes(record.firstFactorAt), minutes(record.secondFactorAt)]
    }

    /// A session token for `record` acting in `organization`, with `billing`'s plans and features, whose `sts` is
    /// `status`. With `reusing`, one minted moments ago for the same claims may be returned instead (see
    /// `SessionTokenCache`); the token endpoint always signs a new one.
    func mintToken(_ record: SessionRecord, organization: OrganizationClaim?, billing: BillingClaim? = nil,
                   status: SessionStatus, reusing: Bool = false) throws -> String {
        let now = Int64(instance.clock.now().timeIntervalSince1970)
        let signer = try instance.signer
        let key = SessionTokenCache.Key(keyID: signer.keyID, issuer: instance.issuer, sessionID: record.id,
                                        userID: record.userId, authorizedParty: origin, organization: organization,
                                        factorAges: factorAges(record), status: status, billing: billing)
        if reusing, let token = instance.tokenCache.token(for: key, now: now) { return token }
        let version = instance.settings.sessions.tokenVersion
        var claims = SessionClaims(
            iss: key.issuer, sub: key.userID, sid: key.sessionID, azp: key.authorizedParty, iat: now, nbf: now - 10,
            exp: now + Int64(instance.settings.sessions.tokenLifetime), jti: RandomToken.base62(20),
            v: version == 1 ? nil : 2, fva: key.factorAges, sts: version == 1 ? nil : status)
        let features = BillingClaims.organizationFeatures(billing, permissionFeatures: instance.organizationFeatures)
        OrganizationClaims.apply(organization, version: version, features: features, to: &claims)
        BillingClaims.apply(billing, version: version, to: &claims)
        let token = try signer.sign(claims)
        instance.tokenCache.store(token, for: key, issuedAt: now)
        return token
    }

    func publicUserData(_ user: UserRecord, identifications: [IdentificationRecord]) -> PublicUserData {
        let primary = identifications.first { $0.id == user.primaryEmailAddressId }
            ?? identifications.first { $0.id == user.primaryPhoneNumberId } ?? identifications.first
        return PublicUserData(firstName: user.firstName, lastName: user.lastName, imageURL: imageURL(user), hasImage: user.imageFile != nil,
                              identifier: primary?.value ?? user.username ?? "", userID: user.id, username: user.username)
    }

    // MARK: User

    func user(_ record: UserRecord, identifications: [IdentificationRecord]? = nil, in db: any SQLDatabase) async throws -> User {
        var identifications = identifications ?? []
        if identifications.isEmpty {
            identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: record.id)
        }
        let backupCodesLeft = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(BackupCodeRecord.table).where("user_id", .equal, record.id).where("used_at", .is, SQLLiteral.null)
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let passkeys = try await PasskeyRecord.all(in: db, where: "user_id", equals: record.id).map(passkey)
        let externalAccounts = try await self.externalAccounts(of: record.id, in: db)
        let now = instance.nowMS
        let locked = instance.lockout.remaining(record, now: now)
        let organizations = instance.settings.organizations
        var emails: [EmailAddress] = [], phones: [PhoneNumber] = []
        for identification in identifications {
            let pending = identification.verified ? nil
                : try await instance.codes.find(owner: identification.id, slot: MeIdentifications.slot, in: db)
            switch self.identification(identification, pending: pending) {
            case .email(let email): emails.append(email)
            case .phone(let phone): phones.append(phone)
            }
        }
        return User(
            id: record.id, username: record.username, firstName: record.firstName, lastName: record.lastName,
            imageURL: imageURL(record), hasImage: record.imageFile != nil, primaryEmailAddressID: record.primaryEmailAddressId,
            primaryPhoneNumberID: record.primaryPhoneNumberId, passwordEnabled: record.passwordDigest != nil,
            twoFactorEnabled: record.totpVerified || identifications.contains { $0.reservedForSecondFactor },
            totpEnabled: record.totpVerified, backupCodeEnabled: backupCodesLeft > 0,
            emailAddresses: emails, phoneNumbers: phones, passkeys: passkeys, externalAccounts: externalAccounts,
            organizationMemberships: organizations.enabled ? try await memberships(of: record, in: db) : nil,
            publicMetadata: jsonObject(record.publicMetadata), unsafeMetadata: jsonObject(record.unsafeMetadata),
            lastSignInAt: date(record.lastSignInAt), locked: locked != nil,
            lockoutExpiresInSeconds: locked.flatMap { $0 >= Lockout.indefiniteSeconds ? nil : $0 },
            verificationAttemptsRemaining: instance.lockout.attemptsRemaining(record, now: now),
            deleteSelfEnabled: true, createOrganizationEnabled: organizations.userMayCreate,
            createOrganizationsLimit: organizations.enabled ? organizations.createOrganizationsLimit : nil,
            passwordLastUpdatedAt: date(record.passwordUpdatedAt),
            lastActiveAt: date(record.lastActiveAt), mfaEnabledAt: date(record.mfaEnabledAt),
            mfaDisabledAt: date(record.mfaDisabledAt), legalAcceptedAt: date(record.legalAcceptedAt),
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// An email address or phone number; unverified ones carry their pending code verification, if prepared.
    func identification(_ record: IdentificationRecord, pending: VerificationRecord?, backupCodes: [String]? = nil) -> Identification {
        let strategy: Strategy = record.kind == .emailAddress ? .emailCode : .phoneCode
        let verification = record.verified
            ? Verification(object: "verification_otp", status: .verified, strategy: strategy, attempts: nil,
                           expireAt: date(record.updatedAt))
            : verification(pending)
        switch record.kind {
        case .emailAddress:
            return .email(EmailAddress(id: record.id, emailAddress: record.value, verification: verification,
                                       createdAt: date(record.createdAt), updatedAt: date(record.updatedAt)))
        case .phoneNumber:
            return .phone(PhoneNumber(id: record.id, phoneNumber: record.value, reservedForSecondFactor: record.reservedForSecondFactor,
                                      defaultSecondFactor: record.defaultSecondFactor, verification: verification,
                                      backupCodes: backupCodes, createdAt: date(record.createdAt), updatedAt: date(record.updatedAt)))
        }
    }

    func passkey(_ record: PasskeyRecord) -> Passkey {
        Passkey(id: record.id, name: record.name, lastUsedAt: date(record.lastUsedAt),
                verification: Verification(object: "verification_passkey", status: .verified, strategy: .passkey,
                                           expireAt: date(record.createdAt)),
                createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// The user's social accounts: connected ones, then ones waiting for the browser; an account being reauthorized
    /// shows its round trip's verification.
    func externalAccounts(of userID: String, in db: any SQLDatabase) async throws -> [ExternalAccount] {
        let records = try await ExternalAccountRecord.all(in: db, where: "user_id", equals: userID)
        // Round trips start only while a provider is enabled: without one, spare every user render the query.
        let flows = instance.settings.socialProviders.isEmpty ? []
            : try await OAuthFlowRecord.all(in: db, where: "owner_id", equals: userID)
                .filter { $0.externalAccountId != nil && $0.status != .verified }
        var accounts = records.map { record in
            flows.first { $0.externalAccountId == record.id }.map { pendingAccount($0, connected: record) }
                ?? externalAccount(record)
        }
        for flow in flows where !records.contains(where: { $0.id == flow.externalAccountId }) {
            accounts.append(pendingAccount(flow))
        }
        return accounts
    }

    /// An account whose browser round trip is under way or failed: `connected` when it is being reauthorized.
    func pendingAccount(_ flow: OAuthFlowRecord, connected: ExternalAccountRecord? = nil) -> ExternalAccount {
        ExternalAccount(
            id: flow.externalAccountId ?? "", identificationID: connected?.identificationId ?? "", provider: flow.provider,
            providerUserID: connected?.providerUserId ?? "", emailAddress: connected?.emailAddress ?? "",
            firstName: connected?.firstName ?? "", lastName: connected?.lastName ?? "",
            verification: verification(flow, user: nil),
            createdAt: date(connected?.createdAt ?? flow.createdAt), updatedAt: date(flow.updatedAt))
    }

    /// A connected social account; the provider vouched for its email address when it was connected.
    func externalAccount(_ record: ExternalAccountRecord) -> ExternalAccount {
        ExternalAccount(
            id: record.id, identificationID: record.identificationId, provider: record.provider,
            providerUserID: record.providerUserId, approvedScopes: "email profile", emailAddress: record.emailAddress,
            emailAddressVerified: true, firstName: record.firstName ?? "", lastName: record.lastName ?? "",
            verification: Verification(object: "verification_oauth", status: .verified,
                                       strategy: .oauth(provider: record.provider), expireAt: date(record.createdAt)),
            createdAt: date(record.createdAt), updatedAt: date(record.updatedAt))
    }

    /// Where the user's uploaded image is served, or "" without one.
    func imageURL(_ user: UserRecord) -> String {
        user.imageFile.map { instance.issuer + "/v1/images/" + $0 } ?? ""
    }

    func jsonObject(_ text: String) -> JSONObject {
        (try? FAPIJSON.decode(JSONObject.self, from: Data(text.utf8))) ?? [:]
    }

    // MARK: Verification

    func verification(_ record: VerificationRecord?) -> Verification? {
        guard let record else { return nil }
        let object: String = switch record.strategy {
        case .password: "verification_password"
        case .totp: "verification_totp"
        case .backupCode: "verification_backup_code"
        case .ticket: "verification_ticket"
        case .emailLink: "verification_email_link"
        default: "verification_otp"
        }
        let isCode = record.codeDigest != nil
        // An unused email link reads as expired once past its deadline, which its waiting client polls for.
        let lapsed = record.strategy == .emailLink && record.status == .unverified && (record.expireAt ?? .max) <= instance.nowMS
        return Verification(object: object, status: lapsed ? .expired : record.status, strategy: record.strategy,
                            attempts: isCode ? record.attempts : nil, expireAt: date(record.expireAt),
                            verifiedAtClient: record.verifiedAtClient)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
