import FrontendAPI

extension CheckoutMachine {
    /// clerk-js sends a confirm again up to four times, 2 s apart.
    static let confirmRetryLimit = 4
    static let confirmRetryDelay: Duration = .seconds(2)

    /// The first effects: the checkout, and the payer's saved methods.
    public mutating func start() -> [Effect] {
        [send(.createCheckout(planID: request.planID, period: request.period), .create),
         send(.paymentMethods, .methods)]
    }

    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .chooseMethod(let id):
            guard step == .form, paymentMethods.contains(where: { $0.id == id }) else { return [] }
            selectedMethodID = id
            return []
        case .useSource(let source):
            return use(source)
        case .card(let edit):
            card.apply(edit, errors: &errors)
            return []
        case .submit:
            return submit()
        case .payWithTestCard:
            guard offersTestCard, step == .form, !isBusy else { return [] }
            return confirm(.testCard)
        case .back:
            return [.finish(.close(completed: step == .complete))]
        case .retry:
            return retry()
        case .response(let id, let outcome):
            return receive(id, outcome)
        case .timerFired(let timer):
            return fire(timer)
        }
    }

    private mutating func use(_ source: PaymentSource) -> [Effect] {
        guard step == .form, !isBusy else { return [] }
        self.source = source
        errors = .none
        guard source == .newCard, gateway == nil else { return [] }
        return [send(.initializePaymentMethod, .initialize)]
    }

    /// The confirm button: pays as the form is set, or leaves the completion screen.
    private mutating func submit() -> [Effect] {
        if step == .complete { return [.finish(.close(completed: true))] }
        guard step == .form, !isBusy, checkout != nil else { return [] }
        guard needsPaymentMethod else { return confirm(.defaultMethod) }
        switch source {
        case .saved:
            guard let id = selectedMethodID else { return [] }
            return confirm(.savedMethod(id: id))
        case .newCard:
            guard acceptsCards, card.isFilled else { return [] }
            errors = .none
            return [send(.tokenizeCard(card.details), .tokenize)]
        }
    }

    mutating func confirm(_ payment: CheckoutPayment) -> [Effect] {
        guard let checkout else { return [] }
        errors = .none
        confirmation = payment
        confirmRetries = 0
        return [send(.confirmCheckout(id: checkout.id, payment), .confirm)]
    }

    /// The form is ready once the checkout and the saved methods have answered: a saved card is chosen (the one the
    /// checkout names, else the default), or, with none saved, a new card is asked for.
    mutating func showForm() -> [Effect] {
        guard let checkout, loaded.isSuperset(of: [.create, .methods]), step == .loading else { return [] }
        step = .form
        selectedMethodID = checkout.paymentMethod?.id ?? paymentMethods.first(where: \.isDefault)?.id ?? paymentMethods.first?.id
        guard paymentMethods.isEmpty, needsPaymentMethod else { return [] }
        source = .newCard
        return [send(.initializePaymentMethod, .initialize)]
    }

    mutating func send(_ call: BillingCall, _ purpose: Purpose) -> Effect {
        requests.send(request.account.call(call), purpose)
    }
}
