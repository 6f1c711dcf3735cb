import FrontendAPI

/// Billing › Payment methods: the payer's saved cards, the default first; making one the default, removing one, and
/// "Add new payment method". A new card goes to the gateway `initialize` names: on the local server its development
/// gateway tokenizes the card typed here, and the token is saved (on a Clerk instance cards are added through Stripe,
/// in the browser, so the card form stays closed).
public struct BillingPaymentMethodsSection<Host: BillingHost>: SectionFlow {
    public enum Step: Equatable, Sendable {
        case menu(id: String)
        case remove(id: String)
        case add
    }

    public enum Action: Equatable, Sendable {
        case makeDefault(id: String)
    }

    enum Purpose: Equatable, Sendable {
        case load
        case initialize
        case tokenize
        case add
        case remove(label: String)
        case makeDefault
    }

    public static var page: Host.Page { Host.billingPage }
    public internal(set) var step: Step?
    public internal(set) var methods: [BillingPaymentMethod] = []
    /// The gateway `initialize` named for a new card; the card fields show once it is the development gateway.
    public internal(set) var gateway: String?

    public init() {}

    static var fieldNames: Set<String> { CardForm.fieldNames }

    /// Cards are typed here only for the local server's development gateway.
    public var acceptsCards: Bool { gateway == DevelopmentGateway.name }

    public func method(_ id: String) -> BillingPaymentMethod? { methods.first { $0.id == id } }

    mutating func pageShown(_ context: inout Context) {
        guard context.billing.canRead else { return }
        context.load(.paymentMethods, .load)
    }

    mutating func opened(_ context: inout Context) {
        guard step == .add, context.billing.canManage else { return }
        gateway = nil
        context.send(.initializePaymentMethod, .initialize)
    }

    mutating func act(_ action: Action, _ context: inout Context) {
        guard case .makeDefault(let id) = action, context.billing.canManage, context.startAction() else { return }
        context.send(.setDefaultPaymentMethod(id: id), .makeDefault)
    }

    mutating func submit(_ context: inout Context) {
        guard context.billing.canManage else { return }
        switch step {
        case .add?:
            guard acceptsCards, context.form.card.isFilled, context.startAction() else { return }
            context.send(.tokenizeCard(context.form.card.details), .tokenize)
        case .remove(let id)?:
            guard let method = method(id), context.startAction() else { return }
            context.send(.removePaymentMethod(id: id), .remove(label: BillingFormat.card(method)))
        case .menu?, nil:
            break
        }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch (purpose, result) {
        case (.load, .paymentMethods(let page)):
            methods = page.data.filter(\.isDefault) + page.data.filter { !$0.isDefault }
        case (.initialize, .paymentMethodInitialize(let initialized)):
            gateway = initialized.externalGatewayID
        case (.tokenize, .paymentToken(let token)):
            context.send(.addPaymentMethod(gateway: DevelopmentGateway.name, paymentToken: token), .add)
        case (.remove(let label), _):
            context.close(notice: Copy.Billing.paymentMethodRemoved(label))
            context.reloadPage()
        case (.add, _), (.makeDefault, _):
            context.close()
            context.reloadPage()
        default:
            break
        }
    }

    /// The list stays as it is when its card closes.
    mutating func closed(_ context: inout Context) {
        step = nil
        gateway = nil
    }
}
