/// Who a billing call is for: the signed-in user (`/v1/me/billing…`) or one of their organizations
/// (`/v1/organizations/{id}/billing…`), as clerk-js's `Billing.path` chooses by `orgId`.
public enum BillingPayerScope: Hashable, Sendable {
    case user
    case organization(id: String)

    /// The billing path of this payer, e.g. `/v1/me/billing/subscription`.
    func path(_ subPath: String) -> String {
        switch self {
        case .user: "/v1/me/billing/\(subPath)"
        case .organization(let id): "/v1/organizations/\(segment(id))/billing/\(subPath)"
        }
    }

    /// The plans' `payer_type`: `user` or `org`.
    public var payerType: String {
        switch self {
        case .user: "user"
        case .organization: "org"
        }
    }

    /// The organization paying, if any.
    public var organizationID: String? {
        if case .organization(let id) = self { id } else { nil }
    }
}

/// A plan's billing period: `month` or `annual`.
public enum BillingPlanPeriod: String, Hashable, Sendable {
    case month
    case annual
}

/// A card typed into the terminal, for the development gateway to tokenize. The number and the security code are
/// secrets: they print as `<redacted>` and are sent only to the gateway.
public struct CardDetails: Equatable, Sendable {
    public var number: SecretText
    public var expiryMonth: String
    public var expiryYear: String
    public var securityCode: SecretText

    public init(number: SecretText, expiryMonth: String, expiryYear: String, securityCode: SecretText) {
        self.number = number
        self.expiryMonth = expiryMonth
        self.expiryYear = expiryYear
        self.securityCode = securityCode
    }

    /// The gateway's form: `number`, `exp_month`, `exp_year`, `cvc`.
    var fields: FormFields {
        [
            "number": .string(number.value), "exp_month": .string(expiryMonth), "exp_year": .string(expiryYear),
            "cvc": .string(securityCode.value),
        ]
    }
}

/// How a checkout is paid when it is confirmed (clerk-js's `ConfirmCheckoutParams`).
public enum CheckoutPayment: Equatable, Sendable {
    /// Nothing sent: the payer's default method, or none for a free trial that needs none.
    case defaultMethod
    /// `payment_method_id`: a saved method.
    case savedMethod(id: String)
    /// `gateway` and `payment_token`: a card just tokenized (`development` on the local server, `stripe` on Clerk).
    case newCard(gateway: String, paymentToken: String)
    /// `gateway=stripe&use_test_card=true`: the test card of a development instance.
    case testCard

    var fields: FormFields {
        switch self {
        case .defaultMethod: [:]
        case .savedMethod(let id): ["payment_method_id": .string(id)]
        case .newCard(let gateway, let token): ["gateway": .string(gateway), "payment_token": .string(token)]
        // clerk-js sends the boolean as the text `true`.
        case .testCard: ["gateway": "stripe", "use_test_card": "true"]
        }
    }
}

/// The development gateway's answer to a card: a single-use token standing for it.
struct DevelopmentPaymentToken: Codable, Sendable, Equatable {
    var paymentToken: String

    enum CodingKeys: String, CodingKey { case paymentToken = "payment_token" }
}
