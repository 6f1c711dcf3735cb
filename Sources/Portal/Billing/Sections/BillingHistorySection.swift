import FrontendAPI

/// A history of the payer's billing that Billing pages list (statements, payment attempts): the calls for a page of it
/// and for one row, and how their answers read.
public protocol BillingHistory: Sendable {
    associatedtype Row: Codable & Equatable & Sendable
    static func page(offset: Int) -> BillingCall
    static func one(id: String) -> BillingCall
    static func rows(_ result: BackendResult) -> PaginatedList<Row>?
    static func row(_ result: BackendResult) -> Row?
    static func id(_ row: Row) -> String
}

/// Billing › Statements and Billing › Payments: a history, newest first, ``BillingCall/pageSize`` rows at a time, then
/// one row's details as the server has them now.
public struct BillingHistorySection<Host: BillingHost, History: BillingHistory>: SectionFlow {
    public enum Step: Equatable, Sendable {
        case detail(id: String)
    }

    public typealias Action = BillingListMove

    enum Purpose: Equatable, Sendable {
        case load(offset: Int)
        case detail
    }

    public static var page: Host.Page { Host.billingPage }
    public internal(set) var step: Step?
    public internal(set) var list = BillingList<History.Row>()
    /// The row on screen, as the server has it now.
    public internal(set) var detail: History.Row?

    public init() {}

    mutating func pageShown(_ context: inout Context) {
        guard context.billing.canRead else { return }
        context.load(History.page(offset: list.offset), .load(offset: list.offset))
    }

    mutating func opened(_ context: inout Context) {
        guard case .detail(let id)? = step else { return }
        detail = list.rows.first { History.id($0) == id }
        context.load(History.one(id: id), .detail)
    }

    mutating func act(_ move: BillingListMove, _ context: inout Context) {
        guard let offset = list.offset(for: move) else { return }
        context.load(History.page(offset: offset), .load(offset: offset))
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch purpose {
        case .load(let offset): History.rows(result).map { list.show($0, at: offset) }
        case .detail: History.row(result).map { detail = $0 }
        }
    }

    mutating func closed(_ context: inout Context) {
        step = nil
        detail = nil
    }
}

/// The payer's monthly statements.
public enum StatementHistory: BillingHistory {
    public static func page(offset: Int) -> BillingCall { .statements(offset: offset) }
    public static func one(id: String) -> BillingCall { .statement(id: id) }
    public static func id(_ row: BillingStatement) -> String { row.id }

    public static func rows(_ result: BackendResult) -> PaginatedList<BillingStatement>? {
        if case .statements(let page) = result { page } else { nil }
    }

    public static func row(_ result: BackendResult) -> BillingStatement? {
        if case .statement(let statement) = result { statement } else { nil }
    }
}

/// The payer's payment attempts.
public enum PaymentHistory: BillingHistory {
    public static func page(offset: Int) -> BillingCall { .paymentAttempts(offset: offset) }
    public static func one(id: String) -> BillingCall { .paymentAttempt(id: id) }
    public static func id(_ row: BillingPaymentAttempt) -> String { row.id }

    public static func rows(_ result: BackendResult) -> PaginatedList<BillingPaymentAttempt>? {
        if case .paymentAttempts(let page) = result { page } else { nil }
    }

    public static func row(_ result: BackendResult) -> BillingPaymentAttempt? {
        if case .paymentAttempt(let attempt) = result { attempt } else { nil }
    }
}

/// Billing › Statements: the payer's monthly statements, then one statement's charges by day.
public typealias BillingStatementsSection<Host: BillingHost> = BillingHistorySection<Host, StatementHistory>
/// Billing › Payments: the payer's payment attempts with their status, then one attempt's details.
public typealias BillingPaymentsSection<Host: BillingHost> = BillingHistorySection<Host, PaymentHistory>
