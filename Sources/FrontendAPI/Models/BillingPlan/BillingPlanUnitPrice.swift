/// Per-unit pricing of a plan (`name: "seats"`): blocks of `block_size` units priced by tier. A plan's seat limit is its
/// last tier's `ends_after_block` times `block_size` (null: unlimited), as clerk-js's `getPlanSeatLimit` reads it.
public struct BillingPlanUnitPrice: Codable, Sendable, Equatable {
    public var name: String
    public var blockSize: Int
    public var tiers: [Tier]

    public init(name: String, blockSize: Int, tiers: [Tier]) {
        self.name = name
        self.blockSize = blockSize
        self.tiers = tiers
    }

    enum CodingKeys: String, CodingKey {
        case name, tiers
        case blockSize = "block_size"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(.name, default: "")
        blockSize = try c.decode(.blockSize, default: 1)
        tiers = try c.decode(.tiers, default: [])
    }

    /// One tier: blocks `starts_at_block` through `ends_after_block` (null: no end), each costing `fee_per_block`.
    public struct Tier: Codable, Sendable, Equatable {
        public var startsAtBlock: Int
        public var endsAfterBlock: Int?
        public var feePerBlock: BillingMoney

        public init(startsAtBlock: Int, endsAfterBlock: Int?, feePerBlock: BillingMoney) {
            self.startsAtBlock = startsAtBlock
            self.endsAfterBlock = endsAfterBlock
            self.feePerBlock = feePerBlock
        }

        enum CodingKeys: String, CodingKey {
            case startsAtBlock = "starts_at_block", endsAfterBlock = "ends_after_block", feePerBlock = "fee_per_block"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            startsAtBlock = try c.decode(.startsAtBlock, default: 1)
            endsAfterBlock = try c.decodeIfPresent(Int.self, forKey: .endsAfterBlock)
            feePerBlock = try c.decode(BillingMoney.self, forKey: .feePerBlock)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(startsAtBlock, forKey: .startsAtBlock)
            try c.encode(endsAfterBlock, forKey: .endsAfterBlock)
            try c.encode(feePerBlock, forKey: .feePerBlock)
        }
    }
}
