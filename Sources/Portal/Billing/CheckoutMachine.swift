import FrontendAPI

/// Clerk's Checkout: the summary of what a plan change costs (the plan, ×12 when billed annually, the proration
/// credit, a past-due amount, what is due after a trial and today), paying with a saved card, a new card or (on a
/// development instance) Clerk's test card, and the completion screen. A confirm that meets another one still running
/// (409 `checkout_already_in_progress`) or a server error is sent again after 2 s, up to four times, as clerk-js does.
public struct CheckoutMachine: Equatable, Sendable {
    /// Calls, the retry timer and the flow's end.
    public typealias Effect = FlowEffect<CheckoutOutcome>

    public let request: CheckoutRequest
    /// Where the checkout returns.
    public let returnTo: CheckoutReturn
    /// A development instance offers "Pay with test card".
    public let offersTestCard: Bool
    public internal(set) var step: Step = .loading
    public internal(set) var checkout: BillingCheckout?
    public internal(set) var paymentMethods: [BillingPaymentMethod] = []
    public internal(set) var source: PaymentSource = .saved
    public internal(set) var selectedMethodID: String?
    /// The gateway `initialize` named for a new card: cards are typed here only for the development gateway.
    public internal(set) var gateway: String?
    public internal(set) var card = CardForm()
    public internal(set) var errors = FormErrors.none
    /// The confirm on its way, sent again while another request is still confirming the checkout.
    var confirmation: CheckoutPayment?
    var confirmRetries = 0
    var loaded: Set<Purpose> = []
    var requests: RequestTracker<Purpose>

    public init(request: CheckoutRequest, returnTo: CheckoutReturn, offersTestCard: Bool, scope: Int) {
        self.request = request
        self.returnTo = returnTo
        self.offersTestCard = offersTestCard
        requests = RequestTracker(scope: scope)
    }

    /// The cards of the flow.
    public enum Step: Equatable, Sendable {
        case loading
        /// The summary and the ways to pay.
        case form
        /// The checkout could not be started (an impossible plan change, too many members): its reason instead of the
        /// form.
        case failed
        /// "Payment was successful!", "Trial successfully started!" or "Success!".
        case complete
    }

    /// How the checkout is paid, when it needs paying.
    public enum PaymentSource: Equatable, Sendable {
        /// "Payment Methods": a saved card.
        case saved
        /// "Add payment method": a card typed here.
        case newCard
    }

    /// What the user did and what the server answered.
    public enum Event: Equatable, Sendable {
        case chooseMethod(id: String)
        case useSource(PaymentSource)
        case card(CardForm.Edit)
        /// The confirm button: "Pay $50.00", "Start free trial" or "Subscribe"; "Continue" once complete.
        case submit
        case payWithTestCard
        case back
        case retry
        case response(RequestID, BackendOutcome)
        case timerFired(TimerID)
    }

    enum Purpose: Hashable, Sendable {
        case create
        case methods
        case initialize
        case tokenize
        case confirm
    }

    // MARK: Derived state for views

    public var isBusy: Bool { requests.contains { $0 != .methods } || confirmation != nil }
    public var serverUnavailable: Bool { requests.unavailable != nil }
    public var notice: String? { serverUnavailable ? Copy.serverUnavailable : errors.card }
    /// A card can be typed: a new card for the development gateway.
    public var acceptsCards: Bool { gateway == DevelopmentGateway.name }
    /// The form asks how to pay: a plan change that charges, for a payer Clerk wants a method from.
    public var needsPaymentMethod: Bool { checkout?.needsPaymentMethod == true }
    /// "Payment Methods" and "Add payment method" are both offered.
    public var offersBothSources: Bool {
        needsPaymentMethod && checkout?.isImmediatePlanChange == true && !paymentMethods.isEmpty
    }

    /// The confirm button's label, as clerk-js's `useSubmitLabel` words it.
    public var submitLabel: String {
        guard let checkout else { return Copy.Billing.subscribe }
        if checkout.freeTrialEndsAt != nil { return Copy.Billing.startFreeTrial }
        if let due = checkout.totals.totalDueNow, due.amount > 0 { return Copy.Billing.pay(BillingFormat.money(due)) }
        return Copy.Billing.subscribe
    }
}

/// Where a checkout returns.
public enum CheckoutReturn: Equatable, Sendable {
    /// The PricingTable it came from, itself opened from `origin`.
    case pricingTable(BillingOrigin)
    /// The Billing page (or home) it came from.
    case origin(BillingOrigin)
}

/// How the Checkout ends.
public enum CheckoutOutcome: Equatable, Sendable {
    /// Closed; `completed` when the subscription changed.
    case close(completed: Bool)
}
