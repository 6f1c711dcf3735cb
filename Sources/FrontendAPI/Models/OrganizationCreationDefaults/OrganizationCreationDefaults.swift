/// Suggested values for a new organization (`GET /v1/me/organization_creation_defaults`, operation
/// `getOrganizationCreationDefaults`): a prefilled form and, when relevant, an advisory about it.
///
/// The spec types `form` as `{name, logo}` and `advisory` as `{type, message}`; clerk-js reads `form.slug` and
/// `advisory.severity` as well (`OrganizationCreationDefaults.ts`), so all of them decode when present.
public struct OrganizationCreationDefaults: Codable, Sendable, Equatable {
    public var form: Form?
    public var advisory: Advisory?

    public init(form: Form? = nil, advisory: Advisory? = nil) {
        self.form = form
        self.advisory = advisory
    }

    enum CodingKeys: String, CodingKey { case form, advisory }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decodeIfPresent(Form.self, forKey: .form)
        advisory = try c.decodeIfPresent(Advisory.self, forKey: .advisory)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(form, forKey: .form)
        try c.encode(advisory, forKey: .advisory)
    }

    /// The prefilled creation form.
    public struct Form: Codable, Sendable, Equatable {
        public var name: String?
        public var slug: String?
        /// A suggested logo URL.
        public var logo: String?

        public init(name: String? = nil, slug: String? = nil, logo: String? = nil) {
            self.name = name
            self.slug = slug
            self.logo = logo
        }

        enum CodingKeys: String, CodingKey { case name, slug, logo }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            slug = try c.decodeIfPresent(String.self, forKey: .slug)
            logo = try c.decodeIfPresent(String.self, forKey: .logo)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encodeIfPresent(slug, forKey: .slug)
            try c.encode(logo, forKey: .logo)
        }
    }

    /// A message about the suggestion, e.g. that an organization for the domain already exists.
    public struct Advisory: Codable, Sendable, Equatable {
        /// `warning`, `error` or `info` in the spec.
        public var type: String
        public var severity: String?
        public var message: String?

        public init(type: String, severity: String? = nil, message: String? = nil) {
            self.type = type
            self.severity = severity
            self.message = message
        }
    }
}
