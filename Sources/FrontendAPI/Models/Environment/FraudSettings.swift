/// Native-app fraud protection (`fraud_settings`).
public struct FraudSettings: Codable, Sendable, Equatable {
    /// `disabled`, `onboarding` or `enforced` (App Attest); clerk-tui uses `disabled`.
    public var deviceAttestationMode: String

    /// Device attestation off.
    public static let disabled = FraudSettings(deviceAttestationMode: "disabled")

    public init(deviceAttestationMode: String) {
        self.deviceAttestationMode = deviceAttestationMode
    }

    enum CodingKeys: String, CodingKey { case object, native }
    enum NativeKeys: String, CodingKey { case deviceAttestationMode = "device_attestation_mode" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.native), try !c.decodeNil(forKey: .native) {
            let native = try c.nestedContainer(keyedBy: NativeKeys.self, forKey: .native)
            deviceAttestationMode = try native.decode(.deviceAttestationMode, default: "disabled")
        } else {
            deviceAttestationMode = "disabled"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("fraud_settings", forKey: .object)
        var native = c.nestedContainer(keyedBy: NativeKeys.self, forKey: .native)
        try native.encode(deviceAttestationMode, forKey: .deviceAttestationMode)
    }
}
