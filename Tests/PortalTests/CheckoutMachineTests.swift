import Foundation
import FrontendAPI
import Testing

@testable import Portal

/// The Checkout: paying with a saved card, a new card through the development gateway or the test card; the confirm
/// button's label; a declined card; a confirm another request is still running, sent again after 2 s as clerk-js does;
/// and the completion screen.
@Suite struct CheckoutMachineTests {
    typealias B = BillingFixtures
    static let request = CheckoutRequest(account: .user(sessionID: "sess_a"), planID: B.plus.id, period: .month)

    static func call(_ call: BillingCall) -> BackendCall { .billing(sessionID: "sess_a", payer: .user, call) }

    /// A checkout of plus, answered with `checkout` and `methods`.
    static func started(_ checkout: BillingCheckout, methods: [BillingPaymentMethod]) -> (CheckoutMachine, [CheckoutMachine.Effect]) {
        var machine = CheckoutMachine(request: request, returnTo: .pricingTable(.home), offersTestCard: true, scope: 7)
        let start = machine.start()
        #expect(start.calls() == [call(.createCheckout(planID: B.plus.id, period: .month)), call(.paymentMethods)])
        let ids = start.compactMap { if case .call(let id, _) = $0 { id } else { nil } }
        _ = machine.update(.response(ids[0], .success(.checkout(checkout))))
        let effects = machine.update(.response(ids[1], .success(.paymentMethods(PaginatedList(data: methods, totalCount: methods.count)))))
        return (machine, effects)
    }

    static func answer(_ machine: inout CheckoutMachine, _ effects: [CheckoutMachine.Effect], _ outcome: BackendOutcome)
        -> [CheckoutMachine.Effect]
    {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)")
            return []
        }
        return machine.update(.response(id, outcome))
    }

    @Test func aSavedCardPaysAndTheCompletionScreenFollows() {
        var (machine, effects) = Self.started(B.checkout(B.plus, dueNow: 5000), methods: [B.mastercard, B.visa])
        #expect(effects.isEmpty && machine.step == .form && machine.source == .saved)
        #expect(machine.selectedMethodID == B.visa.id, "the default card is chosen")
        #expect(machine.paymentMethods.map(\.id) == [B.visa.id, B.mastercard.id] && machine.submitLabel == "Pay $50.00")
        _ = machine.update(.chooseMethod(id: B.mastercard.id))
        let confirm = machine.update(.submit)
        #expect(confirm.calls() == [Self.call(.confirmCheckout(id: "cchk_1", .savedMethod(id: B.mastercard.id)))])
        #expect(machine.isBusy && machine.update(.submit).isEmpty, "one confirm at a time")
        _ = Self.answer(&machine, confirm, .success(.checkout(B.checkout(B.plus, dueNow: 5000, status: "completed", method: B.mastercard))))
        #expect(machine.step == .complete)
        #expect(machine.update(.submit).outcomes() == [.close(completed: true)])
    }

    @Test func aNewCardIsTokenizedThenConfirmedAndForgotten() {
        var (machine, effects) = Self.started(B.checkout(B.plus, dueNow: 5000), methods: [])
        #expect(machine.source == .newCard && effects.calls() == [Self.call(.initializePaymentMethod)])
        #expect(!machine.acceptsCards)
        _ = Self.answer(&machine, effects, .success(.paymentMethodInitialize(B.initialized)))
        #expect(machine.acceptsCards)
        #expect(machine.update(.submit).isEmpty, "an empty card is not sent")
        _ = machine.update(.card(.number("4242 4242 4242 4242")))
        _ = machine.update(.card(.expiry("12 / 34")))
        _ = machine.update(.card(.securityCode("123")))
        let tokenize = machine.update(.submit)
        let card = CardDetails(number: "4242 4242 4242 4242", expiryMonth: "12", expiryYear: "34", securityCode: "123")
        #expect(tokenize.calls() == [Self.call(.tokenizeCard(card))])
        #expect(!String(describing: machine).contains("4242 4242"), "the card never prints")
        let confirm = Self.answer(&machine, tokenize, .success(.paymentToken("tok_dev_1")))
        #expect(confirm.calls() == [Self.call(.confirmCheckout(id: "cchk_1", .newCard(gateway: "development", paymentToken: "tok_dev_1")))])
        _ = Self.answer(&machine, confirm, .success(.checkout(B.checkout(B.plus, dueNow: 5000, status: "completed", method: B.visa))))
        #expect(machine.step == .complete && machine.card == CardForm())
    }

    @Test func aDeclinedCardShowsClerksErrorAndCanBePaidAgain() {
        var (machine, _) = Self.started(B.checkout(B.plus, dueNow: 5000), methods: [B.visa])
        let confirm = machine.update(.submit)
        let declined = Fixtures.failure("card_declined", param: "payment_token", message: "Your card was declined.")
        _ = Self.answer(&machine, confirm, .failure(declined))
        #expect(machine.notice == "Your card was declined." && !machine.isBusy && machine.step == .form)
        #expect(machine.update(.payWithTestCard).calls() == [Self.call(.confirmCheckout(id: "cchk_1", .testCard))])
    }

    @Test func aConfirmStillRunningElsewhereIsSentAgainFourTimesAtMost() {
        var (machine, _) = Self.started(B.checkout(B.plus, dueNow: 5000), methods: [B.visa])
        var effects = machine.update(.submit)
        let busy = Fixtures.failure("checkout_already_in_progress", status: 409)
        let timer = TimerID(scope: 7, kind: .retryDelay)
        for _ in 0..<4 {
            let wait = Self.answer(&machine, effects, .failure(busy))
            #expect(wait == [.startTimer(timer, every: .seconds(2), repeats: false)] && machine.isBusy)
            effects = machine.update(.timerFired(timer))
            #expect(effects.calls() == [Self.call(.confirmCheckout(id: "cchk_1", .savedMethod(id: B.visa.id)))])
        }
        #expect(Self.answer(&machine, effects, .failure(busy)).isEmpty && !machine.isBusy)
        #expect(machine.notice == "message for checkout_already_in_progress")
    }

    @Test func aTrialNeedsNoPaymentAndTheButtonSaysSo() {
        let trial = B.checkout(B.pro, dueNow: 0, trialEnds: B.renewal, needsPaymentMethod: false)
        var (machine, effects) = Self.started(trial, methods: [])
        #expect(effects.isEmpty && machine.submitLabel == "Start free trial")
        #expect(machine.update(.submit).calls() == [Self.call(.confirmCheckout(id: "cchk_1", .defaultMethod))])
    }

    @Test func anImpossiblePlanChangeIsExplainedAsClerkDoes() {
        var machine = CheckoutMachine(request: Self.request, returnTo: .origin(.profile), offersTestCard: false, scope: 7)
        let start = machine.start()
        let meta = ErrorMeta(other: ["is_plan_upgrade_possible": .bool(true)])
        _ = machine.update(.response(try! #require(start.first.flatMap { if case .call(let id, _) = $0 { id } else { nil } }),
                                     .failure(Fixtures.failure("invalid_plan_change", status: 400, meta: meta))))
        #expect(machine.step == .failed && machine.notice == Copy.Billing.cannotSubscribeMonthly)
        #expect(machine.update(.back).outcomes() == [.close(completed: false)])
    }
}
