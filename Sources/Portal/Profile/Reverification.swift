import FrontendAPI

/// Clerk's UserVerification while a sensitive action waits: the level the server asked for, the factors that
/// can satisfy the current stage, and the action to retry once it is complete.
public struct Reverification: Equatable, Sendable {
    public internal(set) var level: SessionVerification.Level
    public internal(set) var verification: SessionVerification?
    /// The factors of the stage in progress, preferred first.
    public internal(set) var factors: [Factor] = []
    public internal(set) var factorIndex = 0
    public internal(set) var isSecondFactor = false
    /// A passkey can be used here (an authenticator is reachable): it comes first, as in Clerk.
    var passkeys = false
    /// The security key asked for its PIN: the passkey card shows a PIN field (typed into the form's code).
    public internal(set) var needsPIN = false
    /// The call that needed it, retried once it is complete.
    let action: RequestTracker<ProfileMachine.Purpose>.Pending

    public var factor: Factor? { factors.indices.contains(factorIndex) ? factors[factorIndex] : nil }

    /// A passkey then the password for the first factor, the authenticator first for the second, as Clerk orders
    /// them; passkeys only where an authenticator is reachable.
    static func preferred(_ factors: [Factor], secondFactor: Bool, passkeys: Bool) -> [Factor] {
        let order: [Strategy] =
            secondFactor
            ? [.totp, .phoneCode, .backupCode] : (passkeys ? [.passkey] : []) + [.password, .emailCode, .phoneCode]
        return order.flatMap { strategy in factors.filter { $0.strategy == strategy } }
    }

    /// Moves to the stage the verification's status calls for; false once it is complete.
    mutating func advance(to verification: SessionVerification) -> Bool {
        self.verification = verification
        switch verification.status {
        case .needsFirstFactor:
            if isSecondFactor || factors.isEmpty {
                isSecondFactor = false
                factors = Self.preferred(verification.supportedFirstFactors ?? [], secondFactor: false, passkeys: passkeys)
                factorIndex = 0
            }
            return true
        case .needsSecondFactor:
            if !isSecondFactor || factors.isEmpty {
                isSecondFactor = true
                factors = Self.preferred(verification.supportedSecondFactors ?? [], secondFactor: true, passkeys: passkeys)
                factorIndex = 0
            }
            return true
        default:
            return false
        }
    }

    /// Codes sent by email or SMS must be prepared (sent) before they can be attempted.
    var needsPreparation: Bool { factor.map { [.emailCode, .phoneCode].contains($0.strategy) } ?? false }
}
