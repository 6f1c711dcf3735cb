/// Clerk Protect script loaders (`protect_config`). Browser-only; carried for fidelity.
public struct ProtectConfig: Codable, Sendable, Equatable {
    public var loaders: [Loader]

    public init(loaders: [Loader] = []) {
        self.loaders = loaders
    }

    enum CodingKeys: String, CodingKey { case loaders }

    public init(from decoder: any Decoder) throws {
        loaders = try decoder.container(keyedBy: CodingKeys.self).decode(.loaders, default: [])
    }

    /// One loader. Note the camelCase `textContent` key, as in the spec.
    public struct Loader: Codable, Sendable, Equatable {
        /// Rollout fraction, 0…1.
        public var rollout: Double?
        public var type: String?
        public var target: String?
        public var attributes: [String: String]?
        public var textContent: String?

        public init(
            rollout: Double? = nil, type: String? = nil, target: String? = nil, attributes: [String: String]? = nil,
            textContent: String? = nil
        ) {
            self.rollout = rollout
            self.type = type
            self.target = target
            self.attributes = attributes
            self.textContent = textContent
        }
    }
}
