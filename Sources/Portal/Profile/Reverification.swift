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
    /// The call that needed it, retried once it is complete.
    let action: RequestTracker<ProfileMachine.Purpose>.Pending

    public var factor: Factor? { factors.indices.contains(factorIndex) ? factors[factorIndex] : nil }

    /// Password first for the first factor, the authenticator first for the second, as Clerk orders them.
    static func preferred(_ factors: [Factor], secondFactor: Bool) -> [Factor] {
        let order: [Strategy] = secondFactor ? [.totp, .phoneCode, .backupCode] : [.password, .emailCode, .phoneCode]
        return order.flatMap { strategy in factors.filter { $0.strategy == strategy } }
    }

    /// Moves to the stage the verification's status calls for; false once it is complete.
    mutating func advance(to verification: SessionVerification) -> Bool {
        self.verification = verification
        switch verification.status {
        case .needsFirstFactor:
            if isSecondFactor || factors.isEmpty {
                isSecondFactor = false
                factors = Self.preferred(verification.supportedFirstFactors ?? [], secondFactor: false)
                factorIndex = 0
            }
            return true
        case .needsSecondFactor:
            if !isSecondFactor || factors.isEmpty {
                isSecondFactor = true
                factors = Self.preferred(verification.supportedSecondFactors ?? [], secondFactor: true)
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
