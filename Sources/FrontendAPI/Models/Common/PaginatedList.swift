/// A page of a list endpoint: `{"data": […], "total_count": N}` (requested with `paginated=true`).
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
}
