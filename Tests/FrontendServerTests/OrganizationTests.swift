import Foundation
import Testing
@testable import FrontendServer

/// The pure parts of organizations: slugs, the session token's organization claims, and the settings.
@Suite("Organizations: slugs, token claims, settings")
struct OrganizationTests {
    // MARK: Slugs

    @Test(arguments: [
        ("Acme", "acme"), ("Acme, Inc.", "acme-inc"), ("  Hello   World  ", "hello-world"), ("R2-D2 & C-3PO", "r2-d2-c-3po"),
        ("--Dashes--", "dashes"), ("Ünïcödé Café", "n-c-d-caf"), ("!!!", "organization"), ("", "organization"),
    ])
    func slugsAreDerivedLikeCreateSlugAndTrimmed(name: String, slug: String) {
        #expect(OrganizationSlug.derive(from: name) == slug)
    }

    @Test func derivedSlugsAreCappedAndNumbered() {
        let long = OrganizationSlug.derive(from: String(repeating: "ab ", count: 100))
        #expect(long.count <= OrganizationSlug.maxLength && !long.hasSuffix("-"))
        #expect(OrganizationSlug.candidate("acme", attempt: 1) == "acme")
        #expect(OrganizationSlug.candidate("acme", attempt: 3) == "acme-3")
    }

    @Test func clientSlugsMustBeLowercaseAlphanumericWithDashesAndUnderscores() {
        #expect(OrganizationSlug.isValid("acme_1-x"))
        #expect(OrganizationSlug.isValid("-acme-"), "clerk-js createSlug can leave edge dashes; they are accepted")
        #expect(!OrganizationSlug.isValid("Acme"))
        #expect(!OrganizationSlug.isValid("acme inc"))
        #expect(!OrganizationSlug.isValid(""))
        #expect(!OrganizationSlug.isValid(String(repeating: "a", count: OrganizationSlug.maxLength + 1)))
    }

    // MARK: Claims

    /// Decodes `o`/`fea` the way clerk-js's `jwtPayloadParser.ts` does: for each `o:` feature of `fea`, the matching
    /// `fpm` mask; bit i (least significant first) grants `org:<feature>:<per[i]>`.
    private func decode(_ o: CompactOrganizationClaim, fea: String?) -> Set<String> {
        let names = o.per.split(separator: ",").map(String.init)
        let masks = o.fpm.split(separator: ",").compactMap { Int($0) }
        let features = (fea ?? "").split(separator: ",").filter { $0.hasPrefix("o:") }.map { String($0.dropFirst(2)) }
        var granted: Set<String> = []
        for (feature, mask) in zip(features, masks) {
            for (bit, name) in names.enumerated() where mask >> bit & 1 == 1 { granted.insert("org:\(feature):\(name)") }
        }
        return granted
    }

    @Test func v2ClaimMatchesClerksDocumentedEncoding() {
        let claim = OrganizationClaim(id: "org_1", slug: "acme", role: "org:member", permissions: [
            "org:sys_memberships:read", "org:reservations:manage", "org:support-chat:read", "org:support-chat:manage",
        ])
        let (o, fea) = OrganizationClaims.compact(claim, features: ["reservations", "support-chat"])
        #expect(o == CompactOrganizationClaim(id: "org_1", slg: "acme", rol: "member", per: "manage,read", fpm: "1,3"))
        #expect(fea == "o:reservations,o:support-chat")
        #expect(decode(o, fea: fea) == ["org:reservations:manage", "org:support-chat:read", "org:support-chat:manage"])
    }

    @Test func systemPermissionsStayOutOfTheToken() {
        let admin = OrganizationClaim(id: "org_1", slug: "acme", role: "org:admin",
                                      permissions: OrganizationPermissionCatalog.system.map(\.key))
        let (o, fea) = OrganizationClaims.compact(admin, features: [])
        #expect(o.rol == "admin" && o.per.isEmpty && o.fpm.isEmpty && fea == nil)
        let (withFeatures, listed) = OrganizationClaims.compact(admin, features: ["invoices"])
        #expect(withFeatures.fpm == "0" && listed == "o:invoices" && decode(withFeatures, fea: listed).isEmpty)
        #expect(OrganizationClaims.customPermissions(admin).isEmpty)
    }

    @Test func featuresComeFromTheCustomPermissionsInOrder() {
        let permissions = ["org:invoices:create", "org:reports:read", "org:invoices:read"].map {
            OrganizationPermissionDefinition(key: $0, name: $0)
        }
        #expect(OrganizationClaims.features(of: permissions) == ["invoices", "reports"])
    }

    private func claims() -> SessionClaims {
        SessionClaims(iss: "http://x", sub: "user_1", sid: "sess_1", azp: nil, iat: 1, nbf: 0, exp: 61, jti: "j", v: 2,
                      fva: [0, -1], sts: .active)
    }

    private func json(_ claims: SessionClaims) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(claims)) as? [String: Any])
    }

    @Test func versionTwoTokensCarryOAndFea() throws {
        var claims = claims()
        let billing = OrganizationClaim(id: "org_1", slug: "acme", role: "org:billing",
                                        permissions: ["org:sys_billing:read", "org:invoices:create", "org:invoices:read"])
        OrganizationClaims.apply(billing, version: 2, features: ["invoices"], to: &claims)
        let encoded = try json(claims)
        #expect(encoded["o"] as? [String: String] == ["id": "org_1", "slg": "acme", "rol": "billing", "per": "create,read", "fpm": "3"])
        #expect(encoded["fea"] as? String == "o:invoices" && encoded["v"] as? Int == 2 && encoded["sts"] as? String == "active")
        #expect(encoded["org_id"] == nil && encoded["org_permissions"] == nil)
        let personal = try json(self.claims())
        #expect(personal["o"] == nil && personal["fea"] == nil, "no organization, no o claim")
    }

    @Test func versionOneTokensCarryOrgClaims() throws {
        var claims = claims()
        claims.v = nil
        claims.sts = nil
        let billing = OrganizationClaim(id: "org_1", slug: "acme", role: "org:billing",
                                        permissions: ["org:sys_billing:read", "org:invoices:create"])
        OrganizationClaims.apply(billing, version: 1, features: ["invoices"], to: &claims)
        let encoded = try json(claims)
        #expect(encoded["org_id"] as? String == "org_1" && encoded["org_slug"] as? String == "acme")
        #expect(encoded["org_role"] as? String == "org:billing")
        #expect(encoded["org_permissions"] as? [String] == ["org:invoices:create"])
        #expect(encoded["o"] == nil && encoded["v"] == nil && encoded["sts"] == nil && encoded["fea"] == nil)
    }

    // MARK: Settings

    @Test func organizationsFromTOML() throws {
        let settings = try SettingsFile.parse("""
            [sessions]
            token_version = 1
            [organizations]
            enabled = true
            max_allowed_memberships = 0
            force_organization_selection = true
            create_organizations_limit = 3
            [organizations.slug]
            disabled = true
            [organizations.domains]
            enabled = true
            enrollment_modes = ["automatic_suggestion"]
            [[organizations.permissions]]
            key = "org:invoices:create"
            name = "Create invoices"
            [[organizations.roles]]
            key = "org:member"
            name = "Member"
            permissions = ["org:sys_memberships:read", "org:invoices:create"]
            [[organizations.roles]]
            key = "org:viewer"
            name = "Viewer"
            permissions = []
            """)
        let organizations = settings.organizations
        #expect(settings.sessions.tokenVersion == 1)
        #expect(organizations.enabled && organizations.maxAllowedMemberships == 0 && organizations.forceOrganizationSelection)
        #expect(organizations.slugDisabled && organizations.createOrganizationsLimit == 3)
        #expect(organizations.domains.enabled && organizations.domains.enrollmentModes == [.automaticSuggestion])
        #expect(organizations.roles.map(\.key) == ["org:admin", "org:member", "org:viewer"], "a default role is replaced in place")
        #expect(organizations.role("org:member")?.permissions == ["org:sys_memberships:read", "org:invoices:create"])
        #expect(try SettingsFile.parse("[organizations.slug]\ndisabled = true").organizations.slugDisabled)
        #expect(try SettingsFile.parse("[organizations]\nslug_disabled = true").organizations.slugDisabled)
    }

    @Test(arguments: [
        "[organizations]\nforce_organization_selection = true",
        "[organizations]\nenabled = true\ncreator_role = \"org:member\"",
        "[organizations]\nenabled = true\ndefault_role = \"org:nobody\"",
        "[[organizations.roles]]\nkey = \"org:x\"\nname = \"X\"\npermissions = [\"org:unknown:read\"]",
        "[[organizations.roles]]\nkey = \"admin\"\nname = \"X\"\npermissions = []",
        "[[organizations.permissions]]\nkey = \"org:sys_profile:read\"\nname = \"X\"",
        "[[organizations.permissions]]\nkey = \"invoices:create\"\nname = \"X\"",
        "[organizations.domains]\nenrollment_modes = [\"everyone\"]",
        "[organizations]\nmax_allowed_memberships = -1",
        "[sessions]\ntoken_version = 3",
    ])
    func invalidOrganizationSettingsAreRejected(text: String) {
        #expect(throws: SettingsFile.Invalid.self) { try SettingsFile.parse(text) }
    }

    @Test func theReadyInstancesDifferOnlyInForcedSelection() throws {
        func load(_ name: String) throws -> InstanceSettings {
            try SettingsFile.load(path: #filePath.replacingOccurrences(
                of: "Tests/FrontendServerTests/OrganizationTests.swift", with: "Config/examples/" + name))
        }
        let open = try load("organizations.toml"), forced = try load("organizations-forced.toml")
        #expect(open.organizations.enabled && !open.organizations.forceOrganizationSelection)
        #expect(open.organizations.domains.enrollmentModes == OrganizationEnrollmentMode.allCases)
        var unforced = forced
        unforced.organizations.forceOrganizationSelection = false
        unforced.applicationName = open.applicationName
        #expect(forced.organizations.forceOrganizationSelection && unforced == open)
    }
}
