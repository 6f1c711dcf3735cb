import Foundation

/// A user's web3 wallet address (`object: "web3_wallet"`).
public struct Web3Wallet: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var web3Wallet: String
    public var verification: Verification?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, web3Wallet: String, verification: Verification? = nil, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.web3Wallet = web3Wallet
        self.verification = verification
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case object, id, verification
        case web3Wallet = "web3_wallet"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        web3Wallet = try container.decode(String.self, forKey: .web3Wallet)
        verification = try container.decodeIfPresent(Verification.self, forKey: .verification)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(.updatedAt, default: createdAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("web3_wallet", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encode(web3Wallet, forKey: .web3Wallet)
        try container.encode(verification, forKey: .verification)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
