import FrontendAPI
import Portal
import TerminalUI

/// The fields of a card typed for the development gateway: the number and the security code masked like a password,
/// the expiry as text. The gateway's errors go under them (an expiry's month or year under the expiry).
enum CardFields {
    static func controls(_ card: CardForm, errors: FormErrors) -> [Control] {
        [
            .secret(.cardNumber, label: Copy.Billing.cardNumber, placeholder: "", error: errors["number"], hint: nil),
            .text(.cardExpiry, label: Copy.Billing.expirationDate, placeholder: Copy.Billing.expirationPlaceholder,
                  value: card.expiry, error: errors["exp_month"] ?? errors["exp_year"], hint: nil),
            .secret(.cardSecurityCode, label: Copy.Billing.securityCode, placeholder: Copy.Billing.securityCodePlaceholder,
                    error: errors["cvc"], hint: nil),
        ]
    }

    /// The edit typing `text` into card field `id` makes.
    static func edit(_ id: FieldID, _ text: String) -> CardForm.Edit? {
        switch id {
        case .cardNumber: .number(SecretText(text))
        case .cardExpiry: .expiry(text)
        case .cardSecurityCode: .securityCode(SecretText(text))
        default: nil
        }
    }

    /// What the machine holds for a masked card field.
    static func held(_ id: FieldID, _ card: CardForm) -> String? {
        switch id {
        case .cardNumber: card.number.value
        case .cardSecurityCode: card.securityCode.value
        default: nil
        }
    }
}
