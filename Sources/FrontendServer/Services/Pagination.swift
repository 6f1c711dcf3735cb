/// `limit`, `offset` and `paginated` of a list request (the spec's `LimitParameter`, `OffsetParameter`, `Paginated`):
/// limit 1…500, default 10; offset 0 or more, default 0.
struct Pagination: Sendable {
    let limit: Int
    let offset: Int
    /// `paginated=true` asks for `{data, total_count}` where an endpoint can also answer a bare array.
    let paginated: Bool

    static let maxLimit = 500

    init(query: FormBody) throws(APIFailure) {
        limit = try Self.integer(query, "limit", default: 10, in: 1...Self.maxLimit)
        offset = try Self.integer(query, "offset", default: 0, in: 0...Int.max)
        paginated = try query.bool("paginated") ?? false
    }

    /// The page of `items` this request asks for.
    func page<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + limit)])
    }

    private static func integer(_ query: FormBody, _ name: String, default value: Int,
                                in range: ClosedRange<Int>) throws(APIFailure) -> Int {
        guard let text = query.string(name), !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw .paramInvalid(name, "\(name) must be an integer between \(range.lowerBound) and \(range.upperBound).")
        }
        return number
    }
}
