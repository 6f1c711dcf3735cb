import Foundation

/// An authenticator-app (TOTP) enrollment (`object: "totp"`).
///
/// `secret` and `uri` are only present right after creation; `backupCodes` only right after verification.
/// All three are secrets: never log them.
public struct TOTP: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// Base32 shared secret.
    public var secret: String?
    /// `otpauth://totp/<App>:<account>?secret=…&issuer=…`.
    public var uri: String?
    public var verified: Bool
    public var backupCodes: [String]?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, secret: String? = nil, uri: String? = nil, verified: Bool, backupCodes: [String]? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.secret = secret
        self.uri = uri
        self.verified = verified
        self.backupCodes = backupCodes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, secret, uri, verified
        case backupCodes = "backup_codes"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        secret = try container.decodeIfPresent(String.self, forKey: .secret)
        uri = try container.decodeIfPresent(String.self, forKey: .uri)
        verified = try container.decode(Bool.self, forKey: .verified)
        backupCodes = try container.decodeIfPresent([String].self, forKey: .backupCodes)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("totp", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(secret, forKey: .secret)
        try container.encode(uri, forKey: .uri)
        try container.encode(verified, forKey: .verified)
        try container.encode(backupCodes, forKey: .backupCodes)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

extension TOTP: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacts the secret, URI and backup codes.
    public var description: String {
        "TOTP(id: \(id), verified: \(verified), secret: \(secret == nil ? "nil" : "<redacted>"))"
    }
    public var debugDescription: String { description }
}
