import FrontendAPI

/// A card typed into "Add new payment method" or the checkout, for the development gateway: the number and the
/// security code are ``SecretText`` (never printed, drawn masked), the expiry is plain text ("12/34").
public struct CardForm: Equatable, Sendable {
    public var number = SecretText()
    public var expiry = ""
    public var securityCode = SecretText()

    public init() {}

    /// The gateway's field names, so its errors land under the fields (`exp_month` and `exp_year` under the expiry).
    static let fieldNames: Set<String> = ["number", "exp_month", "exp_year", "cvc"]

    /// Typing in one of the card's fields.
    public enum Edit: Equatable, Sendable {
        case number(SecretText)
        case expiry(String)
        case securityCode(SecretText)
    }

    /// Applies `edit`, clearing the error under the field it changed.
    mutating func apply(_ edit: Edit, errors: inout FormErrors) {
        switch edit {
        case .number(let text):
            number = text
            errors.fields["number"] = nil
        case .expiry(let text):
            expiry = text
            errors.fields["exp_month"] = nil
            errors.fields["exp_year"] = nil
        case .securityCode(let text):
            securityCode = text
            errors.fields["cvc"] = nil
        }
    }

    /// Every field has something in it.
    var isFilled: Bool { !number.isEmpty && !expiry.trimmingCharacters(in: .whitespaces).isEmpty && !securityCode.isEmpty }

    /// The card for the gateway, the expiry read as month and year ("12/34", "12 / 2034", "1234"); the gateway
    /// checks the rest and names the field that is wrong.
    var details: CardDetails {
        let parts = expiry.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "-" }).map(String.init)
        let compact = expiry.filter(\.isNumber)
        let (month, year): (String, String) =
            if parts.count == 2 { (parts[0], parts[1]) } else if compact.count == 4 && parts.count == 1 {
                (String(compact.prefix(2)), String(compact.suffix(2)))
            } else { (expiry.trimmingCharacters(in: .whitespaces), "") }
        return CardDetails(number: number, expiryMonth: month, expiryYear: year, securityCode: securityCode)
    }
}

extension SectionedFlow {
    /// The user typed in a field of the card on screen: its error goes.
    mutating func editCard(_ edit: CardForm.Edit) {
        var errors = self.errors
        form.card.apply(edit, errors: &errors)
        self.errors = errors
    }
}

/// The local server's stand-in for Stripe, as `initialize` names it: the only gateway cards are typed for here.
enum DevelopmentGateway {
    static let name = "development"
}
