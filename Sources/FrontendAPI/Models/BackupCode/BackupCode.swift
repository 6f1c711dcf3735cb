import Foundation

/// A freshly generated set of backup codes (`object: "backup_code"`). The codes are secrets.
public struct BackupCode: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var codes: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, codes: [String], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.codes = codes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, codes
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        codes = try container.decode([String].self, forKey: .codes)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("backup_code", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(codes, forKey: .codes)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

extension BackupCode: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacts the codes.
    public var description: String { "BackupCode(id: \(id), codes: <\(codes.count) redacted>)" }
    public var debugDescription: String { description }
}
