import Foundation
import FrontendAPI
import SQLKit

extension Presenter {
    var supportedIdentifiers: [SignInIdentifier] {
        let s = instance.settings
        var list: [SignInIdentifier] = []
        if s.emailAddress.enabled && s.emailAddress.usedForFirstFactor { list.append(.emailAddress) }
        if s.phoneNumber.enabled && s.phoneNumber.usedForFirstFactor { list.append(.phoneNumber) }
        if s.username.enabled && s.username.usedForFirstFactor { list.append(.username) }
        if s.passkeys.enabled { list.append(.passkey) }
        return list
    }

    /// Under strict enumeration protection, a sign-in for an unknown identifier is shown as if a user with a password
    /// and that verified identifier existed, so that its shape gives nothing away.
    func phantomAccount(_ record: SignInRecord) -> (UserRecord, [IdentificationRecord])? {
        guard record.userId == nil, record.status == .needsFirstFactor, let identifier = record.identifier,
              let identificationID = record.identificationId else { return nil }
        let kind: IdentificationKind? = Identifiers.normalizedEmail(identifier) != nil ? .emailAddress
            : Identifiers.normalizedPhone(identifier) != nil ? .phoneNumber : nil
        let identifications = kind.map {
            [IdentificationRecord(id: identificationID, userId: "", kind: $0, value: identifier, verified: true,
                                  reservedForSecondFactor: false, defaultSecondFactor: false, createdAt: 0, updatedAt: 0)]
        } ?? []
        let user = UserRecord(id: "", username: kind == nil ? identifier : nil, passwordDigest: "phantom",
                              primaryEmailAddressId: kind == .emailAddress ? identificationID : nil,
                              primaryPhoneNumberId: kind == .phoneNumber ? identificationID : nil, totpVerified: false,
                              totpLastStep: 0, unsafeMetadata: "{}", publicMetadata: "{}", failedAttempts: 0, createdAt: 0, updatedAt: 0)
        return (user, identifications)
    }

    func signIn(_ record: SignInRecord, in db: any SQLDatabase) async throws -> SignIn {
        var user: UserRecord? = nil
        var identifications: [IdentificationRecord] = []
        if let userID = record.userId {
            user = try await UserRecord.find(userID, in: db)
            identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: userID)
        }
        let first = try await instance.codes.find(owner: record.id, slot: "first_factor", in: db)
        let oauth = first == nil ? try await OAuthSignIns.flow(of: record.id, instance: instance, in: db) : nil
        let passkey = first == nil && oauth == nil ? try await passkeyVerification(owner: record.id, purpose: .signIn, in: db) : nil
        let hasPasskey = try await hasUsablePasskey(record.userId, in: db)
        let second = try await instance.codes.find(owner: record.id, slot: "second_factor", in: db)
        if user == nil, let phantom = phantomAccount(record) { (user, identifications) = phantom }
        var secondFactors: [Factor]? = nil
        if let user, record.status == .needsSecondFactor {
            secondFactors = try await self.secondFactors(user, identifications: identifications, in: db)
        }
        return SignIn(
            id: record.id, status: record.status, supportedIdentifiers: supportedIdentifiers,
            identifier: record.identifier,
            supportedFirstFactors: user.map { firstFactors($0, identifications: identifications, identifyingID: record.identificationId,
                                                           identifier: record.identifier, hasPasskey: hasPasskey) },
            supportedSecondFactors: secondFactors,
            firstFactorVerification: oauth.map { verification($0, user: user) } ?? passkey ?? verification(first),
            secondFactorVerification: verification(second),
            userData: user.map { SignInUserData(firstName: $0.firstName, lastName: $0.lastName, imageURL: imageURL($0), hasImage: $0.imageFile != nil) },
            createdSessionID: record.createdSessionId, abandonAt: Date(epochMilliseconds: record.abandonAt))
    }

    /// The first factors a user can use, the identifying identifier's first, with `safe_identifier == identifier`.
    func firstFactors(_ user: UserRecord, identifications: [IdentificationRecord], identifyingID: String?,
                      identifier: String?, hasPasskey: Bool = false) -> [Factor] {
        let s = instance.settings
        var factors: [Factor] = []
        if s.password.enabled, user.passwordDigest != nil { factors.append(Factor(strategy: .password)) }
        // A number reserved for the second factor is never a first factor, nor a way to reset the password.
        let usable = identifications.filter { $0.verified && !$0.reservedForSecondFactor }
        let ordered = usable.filter { $0.id == identifyingID } + usable.filter { $0.id != identifyingID }
        for identification in ordered {
            let primary = identification.id == user.primaryEmailAddressId || identification.id == user.primaryPhoneNumberId
            switch identification.kind {
            case .emailAddress:
                for strategy: Strategy in [.emailCode, .emailLink]
                where strategy == .emailCode ? s.emailCodeFirstFactor : s.emailLinkFirstFactor {
                    factors.append(Factor(strategy: strategy, safeIdentifier: identification.value,
                                          emailAddressID: identification.id, primary: primary))
                }
            case .phoneNumber where s.phoneCodeFirstFactor && s.phoneNumber.enabled:
                factors.append(Factor(strategy: .phoneCode, safeIdentifier: identification.value,
                                      phoneNumberID: identification.id, primary: primary))
            default: break
            }
        }
        if s.passkeys.enabled, hasPasskey { factors.append(Factor(strategy: .passkey)) }
        if s.password.enabled {
            for identification in ordered {
                let primary = identification.id == user.primaryEmailAddressId || identification.id == user.primaryPhoneNumberId
                factors.append(identification.kind == .emailAddress
                    ? Factor(strategy: .resetPasswordEmailCode, safeIdentifier: identification.value,
                             emailAddressID: identification.id, primary: primary)
                    : Factor(strategy: .resetPasswordPhoneCode, safeIdentifier: identification.value,
                             phoneNumberID: identification.id, primary: primary))
            }
        }
        return factors
    }

    func secondFactors(_ user: UserRecord, identifications: [IdentificationRecord], in db: any SQLDatabase) async throws -> [Factor] {
        var factors: [Factor] = []
        if user.totpVerified { factors.append(Factor(strategy: .totp)) }
        for phone in identifications where phone.kind == .phoneNumber && phone.reservedForSecondFactor {
            factors.append(Factor(strategy: .phoneCode, safeIdentifier: Identifiers.masked(phone.value, kind: .phoneNumber),
                                  phoneNumberID: phone.id, isDefault: phone.defaultSecondFactor))
        }
        let codes = try await db.select().column("id").from(BackupCodeRecord.table).where("user_id", .equal, user.id)
            .where("used_at", .is, SQLLiteral.null).limit(1).first()
        if codes != nil, !factors.isEmpty { factors.append(Factor(strategy: .backupCode)) }
        return factors
    }

    /// A browser round trip as a verification (a sign-in's first factor, an account being connected): the provider
    /// URL while it is open, the reason when it failed or found no user (`transferable`).
    func verification(_ flow: OAuthFlowRecord, user: UserRecord?) -> Verification {
        let provider = SocialProviderCatalog.name(of: flow.provider) ?? flow.provider
        var status = flow.status
        if flow.status == .unverified, !flow.isOpen(at: instance.nowMS) { status = .expired }
        let error: ClerkAPIError? = switch flow.errorCode {
        case nil: nil
        case "oauth_access_denied"?:
            ClerkAPIError(code: "oauth_access_denied", message: "Access denied",
                          longMessage: "You did not grant access to your \(provider) account.")
        case "external_account_not_found"?:
            ClerkAPIError(code: "external_account_not_found", message: "Invalid external account",
                          longMessage: "The External Account was not found.")
        case "external_account_exists"?:
            ClerkAPIError(code: "external_account_exists", message: "Account already connected",
                          longMessage: "This \(provider) account is already connected to another user.")
        case "form_identifier_exists"?:
            ClerkAPIError(code: "form_identifier_exists", message: "Email address taken",
                          longMessage: "The email address of this \(provider) account belongs to another user.")
        case "user_locked"?:
            APIFailure.userLocked(seconds: max(1, user.flatMap { instance.lockout.remaining($0, now: instance.nowMS) } ?? 1)).error
        case let code?:
            ClerkAPIError(code: code, message: "Unable to complete", longMessage: "Unable to complete action at this time.")
        }
        return Verification(
            object: "verification_oauth", status: status, strategy: .oauth(provider: flow.provider),
            expireAt: Date(epochMilliseconds: flow.expireAt), error: error,
            externalVerificationRedirectURL: status == .unverified ? OAuthSignIns.authorizeURL(flow, issuer: instance.issuer) : nil)
    }
}
