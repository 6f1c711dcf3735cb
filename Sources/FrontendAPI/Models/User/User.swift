import Foundation

/// A user account (`object: "user"`), as the signed-in user sees it.
public struct User: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var imageURL: String
    public var hasImage: Bool
    public var primaryEmailAddressID: String?
    public var primaryPhoneNumberID: String?
    public var primaryWeb3WalletID: String?
    public var passwordEnabled: Bool
    public var twoFactorEnabled: Bool
    public var totpEnabled: Bool
    public var backupCodeEnabled: Bool
    public var emailAddresses: [EmailAddress]
    public var phoneNumbers: [PhoneNumber]
    public var web3Wallets: [Web3Wallet]
    public var passkeys: [Passkey]
    public var externalAccounts: [ExternalAccount]
    /// Not modelled in detail (no SAML in clerk-tui); passed through.
    public var samlAccounts: [JSONValue]
    /// Not modelled in detail; passed through.
    public var enterpriseAccounts: [JSONValue]
    public var organizationMemberships: [OrganizationMembership]?
    public var publicMetadata: JSONObject
    public var unsafeMetadata: JSONObject
    public var externalID: String?
    public var lastSignInAt: Date?
    public var banned: Bool
    public var locked: Bool
    public var lockoutExpiresInSeconds: Int?
    public var verificationAttemptsRemaining: Int?
    public var deleteSelfEnabled: Bool
    public var createOrganizationEnabled: Bool
    /// Maximum organizations the user may create; `0` is unlimited.
    public var createOrganizationsLimit: Int?
    public var passwordLastUpdatedAt: Date?
    public var lastActiveAt: Date?
    public var mfaEnabledAt: Date?
    public var mfaDisabledAt: Date?
    public var legalAcceptedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, username: String? = nil, firstName: String? = nil, lastName: String? = nil, imageURL: String,
        hasImage: Bool = false, primaryEmailAddressID: String? = nil, primaryPhoneNumberID: String? = nil,
        primaryWeb3WalletID: String? = nil, passwordEnabled: Bool, twoFactorEnabled: Bool, totpEnabled: Bool,
        backupCodeEnabled: Bool, emailAddresses: [EmailAddress] = [], phoneNumbers: [PhoneNumber] = [],
        web3Wallets: [Web3Wallet] = [], passkeys: [Passkey] = [], externalAccounts: [ExternalAccount] = [],
        samlAccounts: [JSONValue] = [], enterpriseAccounts: [JSONValue] = [],
        organizationMemberships: [OrganizationMembership]? = nil, publicMetadata: JSONObject = [:],
        unsafeMetadata: JSONObject = [:], externalID: String? = nil, lastSignInAt: Date? = nil, banned: Bool = false,
        locked: Bool = false, lockoutExpiresInSeconds: Int? = nil, verificationAttemptsRemaining: Int? = nil,
        deleteSelfEnabled: Bool, createOrganizationEnabled: Bool, createOrganizationsLimit: Int? = nil,
        passwordLastUpdatedAt: Date? = nil, lastActiveAt: Date? = nil, mfaEnabledAt: Date? = nil,
        mfaDisabledAt: Date? = nil, legalAcceptedAt: Date? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.imageURL = imageURL
        self.hasImage = hasImage
        self.primaryEmailAddressID = primaryEmailAddressID
        self.primaryPhoneNumberID = primaryPhoneNumberID
        self.primaryWeb3WalletID = primaryWeb3WalletID
        self.passwordEnabled = passwordEnabled
        self.twoFactorEnabled = twoFactorEnabled
        self.totpEnabled = totpEnabled
        self.backupCodeEnabled = backupCodeEnabled
        self.emailAddresses = emailAddresses
        self.phoneNumbers = phoneNumbers
        self.web3Wallets = web3Wallets
        self.passkeys = passkeys
        self.externalAccounts = externalAccounts
        self.samlAccounts = samlAccounts
        self.enterpriseAccounts = enterpriseAccounts
        self.organizationMemberships = organizationMemberships
        self.publicMetadata = publicMetadata
        self.unsafeMetadata = unsafeMetadata
        self.externalID = externalID
        self.lastSignInAt = lastSignInAt
        self.banned = banned
        self.locked = locked
        self.lockoutExpiresInSeconds = lockoutExpiresInSeconds
        self.verificationAttemptsRemaining = verificationAttemptsRemaining
        self.deleteSelfEnabled = deleteSelfEnabled
        self.createOrganizationEnabled = createOrganizationEnabled
        self.createOrganizationsLimit = createOrganizationsLimit
        self.passwordLastUpdatedAt = passwordLastUpdatedAt
        self.lastActiveAt = lastActiveAt
        self.mfaEnabledAt = mfaEnabledAt
        self.mfaDisabledAt = mfaDisabledAt
        self.legalAcceptedAt = legalAcceptedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, username, passkeys, banned, locked
        case firstName = "first_name"
        case lastName = "last_name"
        case imageURL = "image_url"
        case hasImage = "has_image"
        case primaryEmailAddressID = "primary_email_address_id"
        case primaryPhoneNumberID = "primary_phone_number_id"
        case primaryWeb3WalletID = "primary_web3_wallet_id"
        case passwordEnabled = "password_enabled"
        case twoFactorEnabled = "two_factor_enabled"
        case totpEnabled = "totp_enabled"
        case backupCodeEnabled = "backup_code_enabled"
        case emailAddresses = "email_addresses"
        case phoneNumbers = "phone_numbers"
        case web3Wallets = "web3_wallets"
        case externalAccounts = "external_accounts"
        case samlAccounts = "saml_accounts"
        case enterpriseAccounts = "enterprise_accounts"
        case organizationMemberships = "organization_memberships"
        case publicMetadata = "public_metadata"
        case unsafeMetadata = "unsafe_metadata"
        case externalID = "external_id"
        case lastSignInAt = "last_sign_in_at"
        case lockoutExpiresInSeconds = "lockout_expires_in_seconds"
        case verificationAttemptsRemaining = "verification_attempts_remaining"
        case deleteSelfEnabled = "delete_self_enabled"
        case createOrganizationEnabled = "create_organization_enabled"
        case createOrganizationsLimit = "create_organizations_limit"
        case passwordLastUpdatedAt = "password_last_updated_at"
        case lastActiveAt = "last_active_at"
        case mfaEnabledAt = "mfa_enabled_at"
        case mfaDisabledAt = "mfa_disabled_at"
        case legalAcceptedAt = "legal_accepted_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        username = try c.decodeIfPresent(String.self, forKey: .username)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName)
        imageURL = try c.decode(String.self, forKey: .imageURL)
        hasImage = try c.decode(Bool.self, forKey: .hasImage)
        primaryEmailAddressID = try c.decodeIfPresent(String.self, forKey: .primaryEmailAddressID)
        primaryPhoneNumberID = try c.decodeIfPresent(String.self, forKey: .primaryPhoneNumberID)
        primaryWeb3WalletID = try c.decodeIfPresent(String.self, forKey: .primaryWeb3WalletID)
        passwordEnabled = try c.decode(Bool.self, forKey: .passwordEnabled)
        twoFactorEnabled = try c.decode(Bool.self, forKey: .twoFactorEnabled)
        totpEnabled = try c.decode(Bool.self, forKey: .totpEnabled)
        backupCodeEnabled = try c.decode(Bool.self, forKey: .backupCodeEnabled)
        emailAddresses = try c.decode([EmailAddress].self, forKey: .emailAddresses)
        phoneNumbers = try c.decode([PhoneNumber].self, forKey: .phoneNumbers)
        web3Wallets = try c.decode(.web3Wallets, default: [])
        passkeys = try c.decode([Passkey].self, forKey: .passkeys)
        externalAccounts = try c.decode([ExternalAccount].self, forKey: .externalAccounts)
        samlAccounts = try c.decode(.samlAccounts, default: [])
        enterpriseAccounts = try c.decode(.enterpriseAccounts, default: [])
        organizationMemberships = try c.decodeIfPresent([OrganizationMembership].self, forKey: .organizationMemberships)
        publicMetadata = try c.decode(.publicMetadata, default: [:])
        unsafeMetadata = try c.decode(.unsafeMetadata, default: [:])
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        lastSignInAt = try c.decodeIfPresent(Date.self, forKey: .lastSignInAt)
        banned = try c.decode(.banned, default: false)
        locked = try c.decode(.locked, default: false)
        lockoutExpiresInSeconds = try c.decodeIfPresent(Int.self, forKey: .lockoutExpiresInSeconds)
        verificationAttemptsRemaining = try c.decodeIfPresent(Int.self, forKey: .verificationAttemptsRemaining)
        deleteSelfEnabled = try c.decode(Bool.self, forKey: .deleteSelfEnabled)
        createOrganizationEnabled = try c.decode(Bool.self, forKey: .createOrganizationEnabled)
        createOrganizationsLimit = try c.decodeIfPresent(Int.self, forKey: .createOrganizationsLimit)
        passwordLastUpdatedAt = try c.decodeIfPresent(Date.self, forKey: .passwordLastUpdatedAt)
        lastActiveAt = try c.decodeIfPresent(Date.self, forKey: .lastActiveAt)
        mfaEnabledAt = try c.decodeIfPresent(Date.self, forKey: .mfaEnabledAt)
        mfaDisabledAt = try c.decodeIfPresent(Date.self, forKey: .mfaDisabledAt)
        legalAcceptedAt = try c.decodeIfPresent(Date.self, forKey: .legalAcceptedAt)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("user", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(username, forKey: .username)
        try c.encode(firstName, forKey: .firstName)
        try c.encode(lastName, forKey: .lastName)
        try c.encode(imageURL, forKey: .imageURL)
        try c.encode(hasImage, forKey: .hasImage)
        try c.encode(primaryEmailAddressID, forKey: .primaryEmailAddressID)
        try c.encode(primaryPhoneNumberID, forKey: .primaryPhoneNumberID)
        try c.encode(primaryWeb3WalletID, forKey: .primaryWeb3WalletID)
        try c.encode(passwordEnabled, forKey: .passwordEnabled)
        try c.encode(twoFactorEnabled, forKey: .twoFactorEnabled)
        try c.encode(totpEnabled, forKey: .totpEnabled)
        try c.encode(backupCodeEnabled, forKey: .backupCodeEnabled)
        try c.encode(emailAddresses, forKey: .emailAddresses)
        try c.encode(phoneNumbers, forKey: .phoneNumbers)
        try c.encode(web3Wallets, forKey: .web3Wallets)
        try c.encode(passkeys, forKey: .passkeys)
        try c.encode(externalAccounts, forKey: .externalAccounts)
        try c.encode(samlAccounts, forKey: .samlAccounts)
        try c.encode(enterpriseAccounts, forKey: .enterpriseAccounts)
        try c.encodeIfPresent(organizationMemberships, forKey: .organizationMemberships)
        try c.encode(publicMetadata, forKey: .publicMetadata)
        try c.encode(unsafeMetadata, forKey: .unsafeMetadata)
        try c.encode(externalID, forKey: .externalID)
        try c.encode(lastSignInAt, forKey: .lastSignInAt)
        try c.encode(banned, forKey: .banned)
        try c.encode(locked, forKey: .locked)
        try c.encode(lockoutExpiresInSeconds, forKey: .lockoutExpiresInSeconds)
        try c.encode(verificationAttemptsRemaining, forKey: .verificationAttemptsRemaining)
        try c.encode(deleteSelfEnabled, forKey: .deleteSelfEnabled)
        try c.encode(createOrganizationEnabled, forKey: .createOrganizationEnabled)
        try c.encodeIfPresent(createOrganizationsLimit, forKey: .createOrganizationsLimit)
        try c.encode(passwordLastUpdatedAt, forKey: .passwordLastUpdatedAt)
        try c.encode(lastActiveAt, forKey: .lastActiveAt)
        try c.encode(mfaEnabledAt, forKey: .mfaEnabledAt)
        try c.encode(mfaDisabledAt, forKey: .mfaDisabledAt)
        try c.encode(legalAcceptedAt, forKey: .legalAcceptedAt)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
