import FrontendAPI

/// Which factor a sign-in starts with and which ones "Use another method" lists (clerk-js `SignIn/utils.ts`,
/// `utils/factorSorting.ts`). Passkeys count only where an authenticator is reachable (never over SSH).
public enum FactorChoice {
    /// Strategies the terminal can complete itself.
    static let localFirstFactors: [Strategy] = [.password, .emailCode, .phoneCode, .emailLink]

    static let resetStrategies: Set<Strategy> = [.resetPasswordEmailCode, .resetPasswordPhoneCode]

    /// The first factor to show, or `nil` when there is none.
    public static func startingFirstFactor(
        _ factors: [Factor], identifier: String?, preferred: String, passkeys: Bool = false
    ) -> Factor? {
        // A passkey comes first when the user has one, as in clerk-js.
        if passkeys, let passkey = factors.first(where: { $0.strategy == .passkey }) { return passkey }
        let candidates = factors.filter { $0.strategy != .passkey && !resetStrategies.contains($0.strategy) }
        let forIdentifier = { (factor: Factor) in factor.safeIdentifier != nil && factor.safeIdentifier == identifier }
        if preferred == "otp" {
            let sorted = sort(candidates, by: [.emailLink, .emailCode, .phoneCode, .password])
            if let match = sorted.first(where: forIdentifier) { return match }
            return sorted.first
        }
        let sorted = sort(candidates, by: [.password, .emailLink, .emailCode, .phoneCode])
        guard let first = sorted.first else { return nil }
        if first.strategy == .password { return first }
        return candidates.first(where: forIdentifier) ?? first
    }

    /// Second factor priority: TOTP, then SMS, then the first listed.
    public static func startingSecondFactor(_ factors: [Factor]) -> Factor? {
        factors.first { $0.strategy == .totp } ?? factors.first { $0.strategy == .phoneCode } ?? factors.first
    }

    /// The reset-password factor (`reset_password_email_code` / `reset_password_phone_code`), if offered.
    public static func resetPasswordFactor(_ factors: [Factor]) -> Factor? {
        factors.first { resetStrategies.contains($0.strategy) }
    }

    /// First factors listed under "Use another method", without the current one.
    public static func alternativeFirstFactors(_ factors: [Factor], excluding current: Factor?, passkeys: Bool = false) -> [Factor] {
        let listed = factors.filter { usable($0, passkeys: passkeys) && $0.strategy != current?.strategy }
        return sort(listed, by: [.emailLink, .emailCode, .phoneCode, .passkey, .password])
    }

    /// Whether the terminal can complete `factor` itself: a passkey only with a reachable authenticator.
    static func usable(_ factor: Factor, passkeys: Bool) -> Bool {
        localFirstFactors.contains(factor.strategy) || (passkeys && factor.strategy == .passkey)
    }

    /// Second factors listed under "Use another method", without the current one.
    public static func alternativeSecondFactors(_ factors: [Factor], excluding current: Factor?) -> [Factor] {
        let listed = factors.filter { !($0.strategy == current?.strategy && $0.phoneNumberID == current?.phoneNumberID) }
        return sort(listed, by: [.totp, .phoneCode, .backupCode])
    }

    /// The button label of a factor in a method list.
    public static func label(_ factor: Factor) -> String {
        let identifier = factor.safeIdentifier ?? ""
        return switch factor.strategy {
        case .emailLink: Copy.SignIn.emailLinkTo(identifier)
        case .emailCode: Copy.SignIn.emailCodeTo(identifier)
        case .phoneCode: Copy.SignIn.smsCodeTo(identifier)
        case .password: Copy.SignIn.signInWithPassword
        case .passkey: Copy.SignIn.signInWithPasskey
        case .totp: Copy.SignIn.useAuthenticatorApp
        case .backupCode: Copy.SignIn.useBackupCode
        case .resetPasswordEmailCode, .resetPasswordPhoneCode: Copy.SignIn.resetYourPassword
        default: factor.strategy.rawValue
        }
    }

    /// Identifies a factor for "already prepared" checks.
    static func key(_ factor: Factor) -> String {
        [factor.strategy.rawValue, factor.emailAddressID ?? "", factor.phoneNumberID ?? ""].joined(separator: "|")
    }

    /// Stable sort by the position of each strategy in `order`; unlisted strategies go last.
    static func sort(_ factors: [Factor], by order: [Strategy]) -> [Factor] {
        let rank = { (factor: Factor) in order.firstIndex(of: factor.strategy) ?? order.count }
        return factors.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }
}
