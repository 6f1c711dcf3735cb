import FrontendAPI

/// Billing › Payments: the payer's payment attempts, newest first, with their status, then one attempt's details.
public struct BillingPaymentsSection<Host: BillingHost>: SectionFlow {
    public enum Step: Equatable, Sendable {
        case payment(id: String)
    }

    public typealias Action = BillingListMove

    enum Purpose: Equatable, Sendable {
        case load(offset: Int)
        case detail
    }

    public static var page: Host.Page { Host.billingPage }
    public internal(set) var step: Step?
    public internal(set) var list = BillingList<BillingPaymentAttempt>()
    /// The payment on screen, as the server has it now.
    public internal(set) var detail: BillingPaymentAttempt?

    public init() {}

    mutating func pageShown(_ context: inout Context) {
        guard context.billing.canRead else { return }
        context.load(.paymentAttempts(offset: list.offset), .load(offset: list.offset))
    }

    mutating func opened(_ context: inout Context) {
        guard case .payment(let id)? = step else { return }
        detail = list.rows.first { $0.id == id }
        context.load(.paymentAttempt(id: id), .detail)
    }

    mutating func act(_ move: BillingListMove, _ context: inout Context) {
        guard let offset = list.offset(for: move) else { return }
        context.load(.paymentAttempts(offset: offset), .load(offset: offset))
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch (purpose, result) {
        case (.load(let offset), .paymentAttempts(let page)): list.show(page, at: offset)
        case (.detail, .paymentAttempt(let attempt)): detail = attempt
        default: break
        }
    }

    mutating func closed(_ context: inout Context) {
        step = nil
        detail = nil
    }
}
