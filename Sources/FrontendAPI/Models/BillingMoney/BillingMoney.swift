/// An amount of money on billing objects (the spec's `BillingMoneyResponse` and `BillingFee`): `amount` in the
/// currency's smallest unit (cents), `amount_formatted` without a symbol (`"20.00"`), the ISO 4217 `currency` and its
/// `currency_symbol`.
public struct BillingMoney: Codable, Sendable, Equatable, Hashable {
    public var amount: Int64
    public var amountFormatted: String
    public var currency: String
    public var currencySymbol: String

    public init(amount: Int64, amountFormatted: String, currency: String, currencySymbol: String) {
        self.amount = amount
        self.amountFormatted = amountFormatted
        self.currency = currency
        self.currencySymbol = currencySymbol
    }

    /// `amount` cents of `currency`, formatted with two decimals and the currency's symbol.
    public init(cents amount: Int64, currency: String) {
        self.init(amount: amount, amountFormatted: Self.format(amount), currency: currency,
                  currencySymbol: Self.symbol(of: currency))
    }

    /// Zero of `currency`.
    public static func zero(_ currency: String) -> BillingMoney { BillingMoney(cents: 0, currency: currency) }

    /// `2000` → `"20.00"`, `-150` → `"-1.50"`.
    public static func format(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The symbol shown before amounts of `currency`; the code itself for currencies without a common one.
    public static func symbol(of currency: String) -> String {
        switch currency.uppercased() {
        case "USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN": "$"
        case "EUR": "€"
        case "GBP": "£"
        case "JPY", "CNY": "¥"
        case "INR": "₹"
        case "CHF": "CHF"
        default: currency.uppercased()
        }
    }

    enum CodingKeys: String, CodingKey {
        case amount, currency
        case amountFormatted = "amount_formatted"
        case currencySymbol = "currency_symbol"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amount = try c.decode(.amount, default: 0)
        currency = try c.decode(.currency, default: "USD")
        amountFormatted = try c.decode(.amountFormatted, default: Self.format(amount))
        currencySymbol = try c.decode(.currencySymbol, default: Self.symbol(of: currency))
    }
}
