import Foundation

/// This server's stand-in for Stripe: it needs no account and no network, and answers like Stripe in test mode.
///
/// Cards go to `POST /v1/dev_gateway/payment_tokens` (`number`, `exp_month`, `exp_year`, `cvc`), which checks them
/// (length, Luhn, expiry, CVC) and answers a single-use token (`tok_dev_…`). The token is then used as Clerk uses a
/// Stripe token, with `gateway=development`. Stripe's test cards behave as documented: `4242 4242 4242 4242` (and the
/// other brands' success cards) succeed; `4000 0000 0000 0002` is declined (`card_declined`); `4000 0000 0000 9995`
/// has insufficient funds (`insufficient_funds`); `4000 0000 0000 0341` is saved but its charges are declined. Any
/// other valid number is declined, as Stripe's test mode declines real cards. Only brand, last four digits and expiry
/// are ever stored.
enum DevelopmentGateway {
    static let name = "development"
    /// Where payers send cards.
    static let tokensPath = "/v1/dev_gateway/payment_tokens"
    /// Tokens are single use and expire after 30 minutes.
    static let tokenLifetimeMS: Int64 = 30 * 60 * 1000

    /// A card as the gateway keeps it, and how it behaves.
    struct Card: Sendable, Equatable {
        let brand: String
        let last4: String
        let expiryMonth: Int
        let expiryYear: Int
        /// Saving the card fails with this code.
        let attachDecline: String?
        /// Charging the card fails with this code.
        let chargeDecline: String?
    }

    /// How a charge went.
    enum Charge: Sendable, Equatable {
        case paid(chargeID: String)
        case declined(code: String)
    }

    /// Stripe's test cards by number: (saving fails with, charging fails with).
    private static let testCards: [String: (attach: String?, charge: String?)] = [
        "4242424242424242": (nil, nil), "4000056655665556": (nil, nil), "5555555555554444": (nil, nil),
        "2223003122003222": (nil, nil), "5200828282828210": (nil, nil), "378282246310005": (nil, nil),
        "371449635398431": (nil, nil), "6011111111111117": (nil, nil), "3056930009020004": (nil, nil),
        "3566002020360505": (nil, nil), "6200000000000005": (nil, nil),
        "4000000000000002": ("card_declined", "card_declined"),
        "4000000000009995": ("insufficient_funds", "insufficient_funds"),
        "4000000000000341": (nil, "card_declined"),
    ]

    /// Stripe's test payment-method and token names, for `gateway=stripe`.
    private static let stripeTestTokens: [String: String] = [
        "pm_card_visa": "4242424242424242", "tok_visa": "4242424242424242",
        "pm_card_mastercard": "5555555555554444", "tok_mastercard": "5555555555554444",
        "pm_card_amex": "378282246310005", "tok_amex": "378282246310005",
        "pm_card_chargeDeclined": "4000000000000002", "tok_chargeDeclined": "4000000000000002",
        "pm_card_chargeDeclinedInsufficientFunds": "4000000000009995",
        "tok_chargeDeclinedInsufficientFunds": "4000000000009995",
        "pm_card_chargeCustomerFail": "4000000000000341", "tok_chargeCustomerFail": "4000000000000341",
    ]

    /// Checks a card as Stripe does when tokenizing it; the number and CVC are dropped once checked.
    static func card(number: String?, expMonth: String?, expYear: String?, cvc: String?, now: Date) throws(APIFailure) -> Card {
        let digits = try validNumber(number)
        let (month, year) = try validExpiry(month: expMonth, year: expYear, now: now)
        let brand = brand(of: digits)
        try checkCVC(cvc, brand: brand)
        let behaviour = testCards[digits] ?? (attach: "card_declined", charge: "card_declined")
        return Card(brand: brand, last4: String(digits.suffix(4)), expiryMonth: month, expiryYear: year,
                    attachDecline: behaviour.attach, chargeDecline: behaviour.charge)
    }

    /// The card a Stripe test token names (`pm_card_visa`, `tok_chargeDeclined`, …), or, with `useTestCard`, the test
    /// Visa a Clerk development instance uses; nil for anything else.
    static func stripeTestCard(token: String?, useTestCard: Bool, now: Date) -> Card? {
        let number = useTestCard ? "4242424242424242" : token.flatMap { stripeTestTokens[$0] }
        guard let number, let behaviour = testCards[number] else { return nil }
        let year = Calendar(identifier: .gregorian).component(.year, from: now) + 3
        return Card(brand: brand(of: number), last4: String(number.suffix(4)), expiryMonth: 12, expiryYear: year,
                    attachDecline: behaviour.attach, chargeDecline: behaviour.charge)
    }

    /// Charges a card (a saved one's `chargeDecline`); declined charges move no money.
    static func charge(decline: String?) -> Charge {
        if let decline { return .declined(code: decline) }
        return .paid(chargeID: "ch_dev_" + RandomToken.base62(24))
    }

    /// A fresh token and its digest key.
    static func newToken() -> String { "tok_dev_" + RandomToken.base62(24) }

    // MARK: Checks

    private static func validNumber(_ raw: String?) throws(APIFailure) -> String {
        guard let raw, !raw.isEmpty else { throw .paramMissing("number") }
        let digits = raw.filter { $0 != " " && $0 != "-" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), (12...19).contains(digits.count), luhn(digits) else {
            throw APIFailure.cardNumberInvalid
        }
        return digits
    }

    private static func validExpiry(month rawMonth: String?, year rawYear: String?, now: Date) throws(APIFailure) -> (Int, Int) {
        guard let rawMonth, !rawMonth.isEmpty else { throw .paramMissing("exp_month") }
        guard let rawYear, !rawYear.isEmpty else { throw .paramMissing("exp_year") }
        guard let month = Int(rawMonth.trimmingCharacters(in: .whitespaces)), (1...12).contains(month) else {
            throw APIFailure.cardExpiryMonthInvalid
        }
        guard let parsed = Int(rawYear.trimmingCharacters(in: .whitespaces)), (0...9999).contains(parsed) else {
            throw APIFailure.cardExpiryYearInvalid
        }
        let year = parsed < 100 ? 2000 + parsed : parsed
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let current = calendar.dateComponents([.year, .month], from: now)
        let (thisYear, thisMonth) = (current.year ?? 1970, current.month ?? 1)
        if year < thisYear || (year == thisYear && month < thisMonth) { throw APIFailure.cardExpired }
        guard year <= thisYear + 50 else { throw APIFailure.cardExpiryYearInvalid }
        return (month, year)
    }

    private static func checkCVC(_ cvc: String?, brand: String) throws(APIFailure) {
        guard let cvc, !cvc.isEmpty else { throw .paramMissing("cvc") }
        let length = brand == "amex" ? 4 : 3
        guard cvc.count == length, cvc.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw APIFailure.cardCVCInvalid }
    }

    /// The Luhn checksum every card number carries.
    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            let weighted = index % 2 == 1 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum % 10 == 0
    }

    /// The card's brand by its leading digits, as Stripe names brands.
    static func brand(of digits: String) -> String {
        let two = Int(digits.prefix(2)) ?? 0, four = Int(digits.prefix(4)) ?? 0
        if digits.hasPrefix("4") { return "visa" }
        if (51...55).contains(two) || (2221...2720).contains(four) { return "mastercard" }
        if two == 34 || two == 37 { return "amex" }
        if digits.hasPrefix("6011") || two == 65 { return "discover" }
        if two == 35 { return "jcb" }
        if two == 36 || two == 38 || (300...305).contains(Int(digits.prefix(3)) ?? 0) { return "diners" }
        if two == 62 { return "unionpay" }
        return "unknown"
    }
}
