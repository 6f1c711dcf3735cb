import Foundation
import TOMLKit

/// Reads instance settings from a TOML file (see `Config/instance.sample.toml`); every key is optional.
public enum SettingsFile {
    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(path: String) throws -> InstanceSettings {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw Invalid(description: "cannot read settings file \(path): \(error.localizedDescription)")
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws -> InstanceSettings {
        let file: SettingsDocument
        do { file = try TOMLDecoder().decode(SettingsDocument.self, from: text) } catch {
            throw Invalid(description: "invalid settings: \(error)")
        }
        var settings = InstanceSettings()
        try file.apply(to: &settings)
        return settings
    }
}

/// The TOML document's shape: optional everywhere, applied over the defaults.
struct SettingsDocument: Decodable {
    struct Identifier: Decodable {
        var enabled: Bool?, required: Bool?, used_for_sign_in: Bool?, verify_at_sign_up: Bool?, verifications: [String]?
        func apply(to value: inout IdentifierSettings) {
            if let enabled { value.enabled = enabled }
            if let required { value.required = required }
            if let used_for_sign_in { value.usedForFirstFactor = used_for_sign_in }
            if let verify_at_sign_up { value.verifyAtSignUp = verify_at_sign_up }
        }
    }
    struct Identifiers: Decodable { var email_address: Identifier?, phone_number: Identifier?, username: Identifier? }
    struct Profile: Decodable { var first_name: SectionFieldRequirement?, last_name: SectionFieldRequirement? }
    struct FirstFactors: Decodable { var email_code: Bool?, phone_code: Bool?, password: Bool?, email_link: Bool? }
    struct APIKeys: Decodable { var user: Bool?, organizations: Bool? }
    struct Password: Decodable {
        var min_length: Int?, max_length: Int?, require_uppercase: Bool?, require_lowercase: Bool?
        var require_numbers: Bool?, require_special_char: Bool?, reject_common: Bool?, hash_cost: Int?
    }
    struct MFA: Decodable { var totp: Bool?, backup_codes: Bool?, phone_code: Bool?, required: Bool? }
    struct Sessions: Decodable {
        var multi_session: Bool?, max_lifetime_minutes: Int?, inactivity_timeout_minutes: Int?, token_lifetime_seconds: Int?
        var token_version: Int?, geoip_database: String?
    }
    struct Lockout: Decodable { var enabled: Bool?, max_attempts: Int?, duration_minutes: Int? }
    struct RateLimits: Decodable { var enabled: Bool?, scale: Double? }
    struct Verification: Decodable { var code_lifetime_minutes: Int?, max_attempts: Int?, resend_cooldown_seconds: Int? }
    struct Social: Decodable { var providers: [String]? }
    struct Connections: Decodable {
        var idle_timeout_seconds: Int?, max_connections: Int?, max_connections_per_address: Int?
    }
    struct DatabaseSection: Decodable { var url: String? }

    var application_name: String?
    var environment: InstanceEnvironment?
    var allowed_origins: [String]?
    var sign_up_mode: SignUpMode?
    var enumeration_protection: EnumerationProtection?
    var identifiers: Identifiers?
    var profile: Profile?
    var first_factors: FirstFactors?
    var password: Password?
    var mfa: MFA?
    var sessions: Sessions?
    var lockout: Lockout?
    var rate_limits: RateLimits?
    var verification: Verification?
    var social: Social?
    var organizations: OrganizationsDocument?
    var billing: BillingDocument?
    var passkeys: PasskeysDocument?
    var api_keys: APIKeys?
    var connections: Connections?
    var database: DatabaseSection?

    func apply(to s: inout InstanceSettings) throws {
        if let application_name { s.applicationName = application_name }
        if let environment { s.environment = environment }
        if let allowed_origins { s.allowedOrigins = allowed_origins }
        if let sign_up_mode { s.signUpMode = sign_up_mode }
        if let url = database?.url, !url.isEmpty { s.databaseURL = url }
        if let enumeration_protection { s.enumerationProtection = enumeration_protection }
        identifiers?.email_address?.apply(to: &s.emailAddress)
        identifiers?.phone_number?.apply(to: &s.phoneNumber)
        identifiers?.username?.apply(to: &s.username)
        if let value = profile?.first_name { s.firstName = value }
        if let value = profile?.last_name { s.lastName = value }
        if let value = first_factors?.email_code { s.emailCodeFirstFactor = value }
        if let value = first_factors?.phone_code { s.phoneCodeFirstFactor = value }
        if let value = first_factors?.password { s.password.enabled = value }
        if let value = first_factors?.email_link { s.emailLinkFirstFactor = value }
        if let value = identifiers?.email_address?.verifications { s.emailVerificationStrategies = value }
        if let value = api_keys?.user { s.apiKeys.user = value }
        if let value = api_keys?.organizations { s.apiKeys.organizations = value }
        if let p = password {
            if let v = p.min_length { s.password.minLength = v }
            if let v = p.max_length { s.password.maxLength = v }
            if let v = p.require_uppercase { s.password.requireUppercase = v }
            if let v = p.require_lowercase { s.password.requireLowercase = v }
            if let v = p.require_numbers { s.password.requireNumbers = v }
            if let v = p.require_special_char { s.password.requireSpecialChar = v }
            if let v = p.reject_common { s.password.rejectCommon = v }
            if let v = p.hash_cost { s.password.hashCost = v }
        }
        if let m = mfa {
            if let v = m.totp { s.mfa.totp = v }
            if let v = m.backup_codes { s.mfa.backupCodes = v }
            if let v = m.phone_code { s.mfa.phoneCode = v }
            if let v = m.required { s.mfa.required = v }
        }
        if let x = sessions {
            if let v = x.multi_session { s.sessions.multiSession = v }
            if let v = x.max_lifetime_minutes { s.sessions.maxLifetime = TimeInterval(v) * 60 }
            if let v = x.inactivity_timeout_minutes { s.sessions.inactivityTimeout = v > 0 ? TimeInterval(v) * 60 : nil }
            if let v = x.token_lifetime_seconds { s.sessions.tokenLifetime = TimeInterval(v) }
            if let v = x.token_version { s.sessions.tokenVersion = v }
            if let v = x.geoip_database, !v.isEmpty { s.sessions.geoIPDatabase = v }
        }
        if let l = lockout {
            if let v = l.enabled { s.lockout.enabled = v }
            if let v = l.max_attempts { s.lockout.maxAttempts = v }
            if let v = l.duration_minutes { s.lockout.duration = TimeInterval(v) * 60 }
        }
        if let r = rate_limits {
            if let v = r.enabled { s.rateLimits.enabled = v }
            if let v = r.scale { s.rateLimits.scale = v }
        }
        if let v = verification {
            if let x = v.code_lifetime_minutes { s.verification.codeLifetime = TimeInterval(x) * 60 }
            if let x = v.max_attempts { s.verification.maxAttempts = x }
            if let x = v.resend_cooldown_seconds { s.verification.resendCooldown = TimeInterval(x) }
        }
        if let providers = social?.providers { s.socialProviders = providers.map { $0.lowercased() } }
        organizations?.apply(to: &s.organizations)
        try billing?.apply(to: &s.billing)
        passkeys?.apply(to: &s.passkeys)
        if let c = connections {
            if let v = c.idle_timeout_seconds { s.connections.idleTimeout = TimeInterval(v) }
            if let v = c.max_connections { s.connections.maxConnections = v }
            if let v = c.max_connections_per_address { s.connections.maxConnectionsPerAddress = v }
        }
        try s.validate()
    }
}

extension InstanceSettings {
    /// Rejects settings that would weaken the checklist's floors.
    public func validate() throws {
        func fail(_ message: String) -> SettingsFile.Invalid { SettingsFile.Invalid(description: message) }
        guard password.hashCost >= 10, password.hashCost <= 16 else { throw fail("password.hash_cost must be 10...16") }
        guard password.minLength >= 8 else { throw fail("password.min_length must be at least 8") }
        guard password.maxLength >= 64, password.maxLength >= password.minLength else {
            throw fail("password.max_length must be at least 64")
        }
        guard lockout.maxAttempts >= 5 else { throw fail("lockout.max_attempts must be at least 5") }
        guard verification.maxAttempts >= 1, verification.codeLifetime > 0 else { throw fail("invalid verification settings") }
        guard emailAddress.enabled || phoneNumber.enabled || username.enabled else {
            throw fail("at least one identifier must be enabled")
        }
        guard rateLimits.scale > 0 else { throw fail("rate_limits.scale must be positive") }
        guard sessions.tokenVersion == 1 || sessions.tokenVersion == 2 else { throw fail("sessions.token_version must be 1 or 2") }
        guard !emailVerificationStrategies.isEmpty,
              emailVerificationStrategies.allSatisfy({ ["email_code", "email_link"].contains($0) }) else {
            throw fail("identifiers.email_address.verifications must list email_code, email_link or both")
        }
        try organizations.validate()
        try billing.validate(organizationsEnabled: organizations.enabled)
        try passkeys.validate()
        for provider in socialProviders where SocialProviderCatalog.name(of: provider) == nil {
            throw fail("social.providers: unknown provider \(provider) (known: \(SocialProviderCatalog.names.keys.sorted().joined(separator: ", ")))")
        }
    }
}

/// The `[organizations]` table: optional everywhere, applied over the defaults.
struct OrganizationsDocument: Decodable {
    struct Slug: Decodable { var disabled: Bool? }
    struct Domains: Decodable { var enabled: Bool?, enrollment_modes: [OrganizationEnrollmentMode]? }
    struct Role: Decodable { var key: String, name: String?, description: String?, permissions: [String]? }
    struct Permission: Decodable { var key: String, name: String?, description: String? }

    var enabled: Bool?, max_allowed_memberships: Int?, creator_role: String?, default_role: String?
    var admin_delete_enabled: Bool?, slug_disabled: Bool?, force_organization_selection: Bool?
    var create_organization: Bool?, create_organizations_limit: Int?, invitation_redirect_url: String?
    var slug: Slug?, domains: Domains?, roles: [Role]?, permissions: [Permission]?

    func apply(to o: inout OrganizationsSettings) {
        if let v = enabled { o.enabled = v }
        if let v = max_allowed_memberships { o.maxAllowedMemberships = v }
        if let v = creator_role { o.creatorRole = v }
        if let v = default_role { o.defaultRole = v }
        if let v = admin_delete_enabled { o.adminDeleteEnabled = v }
        if let v = slug_disabled ?? slug?.disabled { o.slugDisabled = v }
        if let v = force_organization_selection { o.forceOrganizationSelection = v }
        if let v = create_organization { o.createOrganization = v }
        if let v = create_organizations_limit { o.createOrganizationsLimit = v }
        if let v = invitation_redirect_url { o.invitationRedirectURL = v.isEmpty ? nil : v }
        if let v = domains?.enabled { o.domains.enabled = v }
        if let v = domains?.enrollment_modes { o.domains.enrollmentModes = v }
        for permission in permissions ?? [] {
            o.customPermissions.append(OrganizationPermissionDefinition(
                key: permission.key, name: permission.name ?? permission.key, description: permission.description ?? ""))
        }
        for role in roles ?? [] {
            let defined = OrganizationRoleDefinition(key: role.key, name: role.name ?? role.key, description: role.description ?? "",
                                                     permissions: role.permissions ?? [])
            if let index = o.roles.firstIndex(where: { $0.key == role.key }) { o.roles[index] = defined } else { o.roles.append(defined) }
        }
    }
}
