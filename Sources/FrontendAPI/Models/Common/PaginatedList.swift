/// A page of a list endpoint: `{"data": […], "total_count": N}` (requested with `paginated=true`).
///
/// Decoding also accepts the bare array some list endpoints return without `paginated=true`; the total is
/// then the array's length.
public struct PaginatedList<Element: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var data: [Element]
    /// Total number of items across all pages.
    public var totalCount: Int

    public init(data: [Element], totalCount: Int) {
        self.data = data
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case data
        case totalCount = "total_count"
    }

    public init(from decoder: any Decoder) throws {
        if let array = try? decoder.singleValueContainer().decode([Element].self) {
            self.init(data: array, totalCount: array.count)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let data = try container.decode([Element].self, forKey: .data)
        self.init(data: data, totalCount: try container.decode(.totalCount, default: data.count))
    }
}
