import FrontendAPI
import Portal
import TerminalUI

/// What one portal card shows: Clerk's card layout (header, alert, body, actions, footer) as data.
/// Each view turns machine state into a `Card`; `CardRenderer` draws it and `PortalScreen` routes keys
/// to its controls.
struct Card {
    var title: String
    var subtitle: String?
    /// The card-level alert.
    var notice: Banner?
    /// Plain lines under the header: identity preview, explanations, backup codes.
    var lines: [String] = []
    /// A URI to draw as a QR code (an `otpauth://` key, a sign-in link), with its text fallback ("" when the card
    /// shows that text anyway).
    var qr: (text: String, fallback: String)?
    var controls: [Control] = []

    /// Shows a browser hand-off: `url` as text, as a QR code for a phone, and first among the controls, a way to copy
    /// it whole (a long provider URL wraps inside the card, where selecting it would take the card's edges too).
    mutating func handOff(to url: String) {
        lines = [url]
        qr = (url, "")  // the link is on the card already
        controls.insert(.copy(Copy.copyLink, text: url), at: 0)
    }

    /// An authenticator app's key: its QR code, or, after "Can't scan QR code?", the key and the full URI as text
    /// (Clerk's unable-to-scan step) with a copy control for each, after the card's controls so that the focus stays
    /// on the link that showed them.
    mutating func authenticatorKey(_ totp: TOTP?, showsKey: Bool) {
        guard let uri = totp?.uri, let secret = totp?.secret else { return }
        if showsKey {
            lines = [Copy.Tasks.enterKey, secret, Copy.Tasks.keyReminder, Copy.Tasks.uriHint, uri]
            controls += [.copy(Copy.Tasks.copyKey, text: secret), .copy(Copy.Tasks.copyURI, text: uri)]
        } else {
            lines = [Copy.Tasks.scanQRCode]
            qr = (uri, secret)
        }
    }
}

extension PortalMachine.Route {
    /// Which card the route shows: a new key means a new card (fresh widgets, focus on its first field).
    var cardKey: String {
        switch self {
        case .loading: "loading"
        case .unavailable: "unavailable"
        case .signIn(let m): "signIn.\(m.step)"
        case .signUp(let m): "signUp.\(m.step)"
        case .home(let m): "home.\(m.step)"
        case .task(let m): "task.\(m.task).\(m.step)"
        case .profile(let m): "profile.\(m.cardKey)"
        case .organizations(let m): "organizations.\(m.mode).\(m.step)"
        case .organizationProfile(let m): "organizationProfile.\(m.cardKey)"
        case .pricingTable(let m): "pricingTable.\(m.step)"
        case .checkout(let m): "checkout.\(m.step).\(m.source)"
        }
    }
}

/// Identifies an editable field across frames, so its widget keeps its caret and contents.
enum FieldID: Hashable, Sendable {
    case identifier
    case password
    case newPassword
    case confirmPassword
    case code
    case signUp(String)
    case currentPassword
    case backupCode
    /// A text field of a component made of sections.
    case section(SectionField)
    case organization(OrganizationField)
    /// A card's number, expiry and security code (a new payment method, the checkout).
    case cardNumber
    case cardExpiry
    case cardSecurityCode
}

/// One focusable thing on a card.
enum Control {
    /// A labelled one-line input; `value` is what the machine holds.
    case text(FieldID, label: String, placeholder: String, value: String, error: String?, hint: String?)
    /// A labelled masked input.
    case secret(FieldID, label: String, placeholder: String, error: String?, hint: String?)
    /// A six-digit one-time code in digit cells.
    case code(FieldID, label: String, error: String?)
    case checkbox(label: String, checked: Bool, action: PortalMachine.Event)
    /// A primary button.
    case button(String, action: PortalMachine.Event, enabled: Bool)
    /// A choice in a list of methods or accounts.
    case option(String, detail: String?, action: PortalMachine.Event)
    /// A line of text between controls (a divider such as "Or, sign in with another method").
    case note(String)
    /// A row of a page that offers no action (the device in use), drawn like an option.
    case row(String, detail: String?)
    /// The heading of a group of rows on a page ("Email addresses"), set apart by a blank line above.
    case section(String)
    /// An inline action ("Use another method"); with `prefix`, a footer line ("Don’t have an account? Sign up").
    case link(String, prefix: String?, action: PortalMachine.Event, enabled: Bool)
    /// An inline action that puts `text` on the clipboard through the terminal (OSC 52), then reads "Copied!".
    case copy(String, text: String)

    var isFocusable: Bool {
        switch self {
        case .button(_, _, let enabled), .link(_, _, _, let enabled): enabled
        case .note, .section, .row: false
        default: true
        }
    }

    /// The label of the field this control edits, without its " · Last used" or " (Optional)" note.
    var fieldLabel: String? {
        let label: String
        switch self {
        case .text(_, let text, _, _, _, _), .secret(_, let text, _, _, _), .code(_, let text, _): label = text
        default: return nil
        }
        let bare = label.components(separatedBy: " · ")[0]
        return bare.components(separatedBy: " (")[0]
    }

    /// A field marked "(Optional)", or an image to upload (never required: it keeps the one there is).
    var isOptionalField: Bool {
        switch self {
        case .text(.section(let field), _, _, _, _, _) where field == .imagePath || field == .logoPath: true
        case .text(_, let label, _, _, _, _), .secret(_, let label, _, _, _): label.hasSuffix("(\(Copy.optional))")
        default: false
        }
    }

    /// The field this control edits, if any.
    var field: FieldID? {
        switch self {
        case .text(let id, _, _, _, _, _), .secret(let id, _, _, _, _), .code(let id, _, _): id
        default: nil
        }
    }
}

extension Card {
    /// The standard alert for a machine's notice, or an info banner for development instances.
    static func banner(_ notice: String?, kind: Banner.Kind = .danger) -> Banner? {
        notice.map { Banner(kind, $0) }
    }
}
