import FrontendAPI

/// Billing › Statements: the payer's monthly statements, newest first, then one statement's charges by day.
public struct BillingStatementsSection<Host: BillingHost>: SectionFlow {
    public enum Step: Equatable, Sendable {
        case statement(id: String)
    }

    public typealias Action = BillingListMove

    enum Purpose: Equatable, Sendable {
        case load(offset: Int)
        case detail
    }

    public static var page: Host.Page { Host.billingPage }
    public internal(set) var step: Step?
    public internal(set) var list = BillingList<BillingStatement>()
    /// The statement on screen, as the server has it now.
    public internal(set) var detail: BillingStatement?

    public init() {}

    mutating func pageShown(_ context: inout Context) {
        guard context.billing.canRead else { return }
        context.load(.statements(offset: list.offset), .load(offset: list.offset))
    }

    mutating func opened(_ context: inout Context) {
        guard case .statement(let id)? = step else { return }
        detail = list.rows.first { $0.id == id }
        context.load(.statement(id: id), .detail)
    }

    mutating func act(_ move: BillingListMove, _ context: inout Context) {
        guard let offset = list.offset(for: move) else { return }
        context.load(.statements(offset: offset), .load(offset: offset))
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch (purpose, result) {
        case (.load(let offset), .statements(let page)): list.show(page, at: offset)
        case (.detail, .statement(let statement)): detail = statement
        default: break
        }
    }

    mutating func closed(_ context: inout Context) {
        step = nil
        detail = nil
    }
}
