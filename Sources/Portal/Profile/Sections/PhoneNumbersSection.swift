import FrontendAPI

/// "Phone numbers": add one (verified by an SMS code), verify, set as primary, remove.
public struct PhoneNumbersSection: IdentifierSection {
    public static let page = ProfileMachine.Page.account
    public internal(set) var step: IdentifierStep?

    public init() {}

    static var fieldNames: Set<String> { [SectionField.countryCode.rawValue, SectionField.phoneNumber.rawValue] }

    /// The add form starts with the country code of the United States, as Clerk's phone input does.
    mutating func opened(_ profile: inout Context) {
        if step == .add { profile.form[.countryCode] = "+1" }
    }

    static func label(_ id: String, of user: User?) -> String {
        user?.phoneNumbers.first { $0.id == id }?.phoneNumber ?? ""
    }

    static func createCall(_ profile: inout Context) -> ProfileCall? {
        guard let number = PhoneNumberInput.e164(countryCode: profile.form[.countryCode], number: profile.form[.phoneNumber])
        else {
            profile.errors.fields[SectionField.phoneNumber.rawValue] = Copy.Field.invalidPhoneNumber
            return nil
        }
        return .createPhoneNumber(number)
    }

    static func prepareCall(_ id: String) -> ProfileCall { .preparePhoneVerification(id: id) }
    static func attemptCall(_ id: String, code: SecretText) -> ProfileCall { .attemptPhoneVerification(id: id, code: code) }
    static func deleteCall(_ id: String) -> ProfileCall { .deletePhoneNumber(id: id) }
    static func primary(_ id: String) -> UserUpdateParameters { UserUpdateParameters(primaryPhoneNumberID: id) }
    static func added(_ label: String) -> String { Copy.Profile.phoneAdded(label) }
    static func removed(_ label: String) -> String { Copy.Profile.phoneRemoved(label) }
}

extension SectionField {
    public static let countryCode = SectionField(rawValue: "country_code")
    public static let phoneNumber = SectionField(rawValue: "phone_number")
}
