import FrontendAPI

/// "SMS code" on "Set up two-step verification" (clerk-js `TaskSetupMfa`'s SMS code): a phone number, the code sent to
/// it, then the number reserved for the second factor, which ends the pending state; the answer carries the new backup
/// codes when it is the user's first second factor and the instance has them.
extension SessionTaskMachine {
    mutating func chooseSMSCode() -> [Effect] {
        guard step == .chooseMethod, methods.sms, !isBusy else { return [] }
        errors = .none
        step = .addPhone
        return []
    }

    /// "Continue" on "Add SMS code verification": adds the number, then sends it a code.
    mutating func addPhone() -> [Effect] {
        let number = phoneNumber.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else { return [] }
        errors = .none
        return [send(.createPhoneNumber(number), .addPhone)]
    }

    mutating func phoneSucceeded(_ purpose: Purpose, _ result: BackendResult) -> [Effect] {
        switch purpose {
        case .addPhone:
            guard let added = result.phoneNumber else { return [] }
            phone = added
            return [send(.preparePhoneVerification(id: added.id), .preparePhone)]
        case .preparePhone:
            step = .verifyPhone
            return []
        case .verifyPhone:
            code = SecretText()
            guard let phone else { return [] }
            return [send(.updatePhoneNumber(id: phone.id, reservedForSecondFactor: true, defaultSecondFactor: nil), .reservePhone)]
        default:
            backupCodes = result.phoneNumber?.backupCodes ?? []
            step = .backupCodes
            return []
        }
    }
}
