import FrontendAPI

/// One page of a billing history list (statements, payments), ``BillingCall/pageSize`` rows at a time.
public struct BillingList<Row: Codable & Equatable & Sendable>: Equatable, Sendable {
    public internal(set) var rows: [Row] = []
    public internal(set) var total = 0
    public internal(set) var offset = 0
    /// The first page has answered.
    public internal(set) var isLoaded = false

    public init() {}

    public var hasPrevious: Bool { offset > 0 }
    public var hasNext: Bool { offset + rows.count < total }

    /// The offset "Load more" or "Back" asks for, if there is such a page.
    func offset(for move: BillingListMove) -> Int? {
        switch move {
        case .next: hasNext ? offset + BillingCall.pageSize : nil
        case .previous: hasPrevious ? max(offset - BillingCall.pageSize, 0) : nil
        }
    }

    mutating func show(_ page: PaginatedList<Row>, at offset: Int) {
        rows = page.data
        total = page.totalCount
        self.offset = offset
        isLoaded = true
    }
}

/// Paging through a billing list.
public enum BillingListMove: Equatable, Sendable {
    case next
    case previous
}
