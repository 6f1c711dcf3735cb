extension UserSettings {
    /// Self-service account actions (`actions`).
    public struct Actions: Codable, Sendable, Equatable {
        public var deleteSelf: Bool
        public var createOrganization: Bool
        /// Typed `boolean|null` in the spec; servers should leave it `nil`.
        public var createOrganizationsLimit: Int?

        public init(deleteSelf: Bool = true, createOrganization: Bool = true, createOrganizationsLimit: Int? = nil) {
            self.deleteSelf = deleteSelf
            self.createOrganization = createOrganization
            self.createOrganizationsLimit = createOrganizationsLimit
        }

        enum CodingKeys: String, CodingKey {
            case deleteSelf = "delete_self"
            case createOrganization = "create_organization"
            case createOrganizationsLimit = "create_organizations_limit"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            deleteSelf = try c.decode(Bool.self, forKey: .deleteSelf)
            createOrganization = try c.decode(Bool.self, forKey: .createOrganization)
            createOrganizationsLimit = try? c.decodeIfPresent(Int.self, forKey: .createOrganizationsLimit)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(deleteSelf, forKey: .deleteSelf)
            try c.encode(createOrganization, forKey: .createOrganization)
            try c.encode(createOrganizationsLimit, forKey: .createOrganizationsLimit)
        }
    }

    /// A `{"enabled": Bool}` switch.
    public struct Toggle: Codable, Sendable, Equatable {
        public var enabled: Bool

        public init(enabled: Bool = false) {
            self.enabled = enabled
        }

        enum CodingKeys: String, CodingKey { case enabled }

        public init(from decoder: any Decoder) throws {
            enabled = try decoder.container(keyedBy: CodingKeys.self).decode(.enabled, default: false)
        }
    }

    /// Sign-up restrictions (`restrictions`).
    public struct Restrictions: Codable, Sendable, Equatable {
        public var allowlist: Toggle
        public var blocklist: Toggle
        public var allowlistBlocklistDisabledOnSignIn: Toggle
        public var blockEmailSubaddresses: Toggle
        public var blockDisposableEmailDomains: Toggle

        public init(
            allowlist: Toggle = Toggle(), blocklist: Toggle = Toggle(),
            allowlistBlocklistDisabledOnSignIn: Toggle = Toggle(), blockEmailSubaddresses: Toggle = Toggle(),
            blockDisposableEmailDomains: Toggle = Toggle()
        ) {
            self.allowlist = allowlist
            self.blocklist = blocklist
            self.allowlistBlocklistDisabledOnSignIn = allowlistBlocklistDisabledOnSignIn
            self.blockEmailSubaddresses = blockEmailSubaddresses
            self.blockDisposableEmailDomains = blockDisposableEmailDomains
        }

        enum CodingKeys: String, CodingKey {
            case allowlist, blocklist
            case allowlistBlocklistDisabledOnSignIn = "allowlist_blocklist_disabled_on_sign_in"
            case blockEmailSubaddresses = "block_email_subaddresses"
            case blockDisposableEmailDomains = "block_disposable_email_domains"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            allowlist = try c.decode(.allowlist, default: Toggle())
            blocklist = try c.decode(.blocklist, default: Toggle())
            allowlistBlocklistDisabledOnSignIn = try c.decode(.allowlistBlocklistDisabledOnSignIn, default: Toggle())
            blockEmailSubaddresses = try c.decode(.blockEmailSubaddresses, default: Toggle())
            blockDisposableEmailDomains = try c.decode(.blockDisposableEmailDomains, default: Toggle())
        }
    }

    /// Brute-force and enumeration protection (`attack_protection`).
    public struct AttackProtection: Codable, Sendable, Equatable {
        public var userLockout: UserLockout
        public var pii: Toggle
        public var emailLinkRequireSameClient: Bool
        public var enumerationProtection: Toggle

        public init(
            userLockout: UserLockout = UserLockout(), pii: Toggle = Toggle(),
            emailLinkRequireSameClient: Bool = false, enumerationProtection: Toggle = Toggle()
        ) {
            self.userLockout = userLockout
            self.pii = pii
            self.emailLinkRequireSameClient = emailLinkRequireSameClient
            self.enumerationProtection = enumerationProtection
        }

        enum CodingKeys: String, CodingKey {
            case pii
            case userLockout = "user_lockout"
            case emailLink = "email_link"
            case enumerationProtection = "enumeration_protection"
        }

        enum EmailLinkKeys: String, CodingKey { case requireSameClient = "require_same_client" }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            userLockout = try c.decode(.userLockout, default: UserLockout())
            pii = try c.decode(.pii, default: Toggle())
            if c.contains(.emailLink), try !c.decodeNil(forKey: .emailLink) {
                let nested = try c.nestedContainer(keyedBy: EmailLinkKeys.self, forKey: .emailLink)
                emailLinkRequireSameClient = try nested.decode(.requireSameClient, default: false)
            } else {
                emailLinkRequireSameClient = false
            }
            enumerationProtection = try c.decode(.enumerationProtection, default: Toggle())
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(userLockout, forKey: .userLockout)
            try c.encode(pii, forKey: .pii)
            var emailLink = c.nestedContainer(keyedBy: EmailLinkKeys.self, forKey: .emailLink)
            try emailLink.encode(emailLinkRequireSameClient, forKey: .requireSameClient)
            try c.encode(enumerationProtection, forKey: .enumerationProtection)
        }

        /// Lock a user out after too many failed attempts.
        public struct UserLockout: Codable, Sendable, Equatable {
            public var enabled: Bool
            public var maxAttempts: Int
            public var durationInMinutes: Int

            public init(enabled: Bool = true, maxAttempts: Int = 100, durationInMinutes: Int = 60) {
                self.enabled = enabled
                self.maxAttempts = maxAttempts
                self.durationInMinutes = durationInMinutes
            }

            enum CodingKeys: String, CodingKey {
                case enabled
                case maxAttempts = "max_attempts"
                case durationInMinutes = "duration_in_minutes"
            }

            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                let fallback = UserLockout()
                enabled = try c.decode(.enabled, default: fallback.enabled)
                maxAttempts = try c.decode(.maxAttempts, default: fallback.maxAttempts)
                durationInMinutes = try c.decode(.durationInMinutes, default: fallback.durationInMinutes)
            }
        }
    }

    /// SAML / enterprise SSO availability (`saml`, `enterprise_sso`).
    public struct EnterpriseSSO: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var selfServeSSO: Bool?

        public init(enabled: Bool = false, selfServeSSO: Bool? = nil) {
            self.enabled = enabled
            self.selfServeSSO = selfServeSSO
        }

        enum CodingKeys: String, CodingKey {
            case enabled
            case selfServeSSO = "self_serve_sso"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try c.decode(.enabled, default: false)
            selfServeSSO = try c.decodeIfPresent(Bool.self, forKey: .selfServeSSO)
        }
    }
}
