import FrontendAPI

extension ProfileMachine {
    /// The primary button of the card on screen.
    mutating func submit() -> [Effect] {
        errors = .none
        switch step {
        case .overview, .emailMenu, .phoneMenu, .externalAccountMenu, .chooseMFA, .chooseSMSPhone, .totpMenu,
            .mfaPhoneMenu, .passkeyMenu, .connectAccount, .connectingAccount:
            return []
        case .editProfile:
            return saveProfile()
        case .editUsername:
            let username = form[.username].trimmingCharacters(in: .whitespaces)
            guard username != (user?.username ?? "") else { return closeCard() }
            return [send(.updateUser(UserChanges(username: username)), .saveUsername)]
        case .addEmail:
            let address = form[.emailAddress].trimmingCharacters(in: .whitespaces)
            guard !address.isEmpty else { return [] }
            return [send(.createEmailAddress(address), .createEmail)]
        case .verifyEmail(let id):
            guard !form.code.isEmpty else { return [] }
            return [send(.attemptEmailVerification(id: id, code: form.code), .attemptEmail(id: id))]
        case .addPhone:
            guard let number = PhoneNumberInput.e164(countryCode: form[.countryCode], number: form[.phoneNumber]) else {
                errors.fields[ProfileField.phoneNumber.rawValue] = Copy.Field.invalidPhoneNumber
                return []
            }
            return [send(.createPhoneNumber(number), .createPhone)]
        case .verifyPhone(let id):
            guard !form.code.isEmpty else { return [] }
            return [send(.attemptPhoneVerification(id: id, code: form.code), .attemptPhone(id: id))]
        case .password:
            return changePassword()
        case .addTOTP:
            guard !form.code.isEmpty else { return [] }
            return [send(.verifyTOTP(code: form.code), .verifyTOTP)]
        case .regenerateBackupCodes:
            return [send(.createBackupCodes, .createBackupCodes)]
        case .backupCodes:
            // Enter in the path field saves; once saved there (or with no path), it finishes.
            let path = form[.backupCodesPath].trimmingCharacters(in: .whitespaces)
            if config.localFiles, !path.isEmpty, success != Copy.Profile.codesSaved(path) { return update(.saveBackupCodes) }
            return closeCard()
        case .renamePasskey(let id):
            let name = form[.passkeyName].trimmingCharacters(in: .whitespaces)
            let current = user?.passkeys.first { $0.id == id }?.name
            guard name.count > 1, name != current else {
                if name != current { errors.fields[ProfileField.passkeyName.rawValue] = Copy.Field.passkeyNameTooShort }
                return name == current ? closeCard() : []
            }
            return [send(.renamePasskey(id: id, name: name), .renamePasskey)]
        case .confirmRemoval(let removal):
            return [send(Self.call(removing: removal), .remove(removal, label: label(removal)))]
        case .deleteAccount:
            guard deleteConfirmed else { return [] }
            return [send(.deleteUser, .deleteAccount)]
        case .reverify:
            return attemptFactor()
        }
    }

    /// Back to the page, with `message` as the page's success notice.
    mutating func closeCard(_ message: String? = nil) -> [Effect] {
        leave()
        success = message
        return []
    }

    private mutating func saveProfile() -> [Effect] {
        let first = form[.firstName].trimmingCharacters(in: .whitespaces)
        let last = form[.lastName].trimmingCharacters(in: .whitespaces)
        let imagePath = config.localFiles ? form[.imagePath].trimmingCharacters(in: .whitespaces) : ""
        let image = imagePath.isEmpty ? nil : imagePath
        let changes = UserChanges(
            firstName: first == (user?.firstName ?? "") ? nil : first,
            lastName: last == (user?.lastName ?? "") ? nil : last)
        if changes.firstName == nil, changes.lastName == nil {
            guard let image else { return closeCard() }
            return [send(.setProfileImage(path: image), .uploadImage)]
        }
        return [send(.updateUser(changes), .saveProfile(imagePath: image))]
    }

    private mutating func changePassword() -> [Effect] {
        let new = form.newPassword
        if let blocking = new.blockingErrors(feedback: newPasswordFeedback, passwordField: "new_password") {
            errors.fields.merge(blocking) { $1 }
            return []
        }
        if asksCurrentPassword, form.currentPassword.isEmpty {
            errors.fields["current_password"] = Copy.Field.enterCurrentPassword
            return []
        }
        let call = ProfileCall.changePassword(
            current: asksCurrentPassword ? form.currentPassword : nil, new: new.password,
            signOutOfOtherSessions: new.signOutOfOtherSessions)
        return [send(call, .changePassword(signedOutOthers: new.signOutOfOtherSessions))]
    }

    static func call(removing removal: Removal) -> ProfileCall {
        switch removal {
        case .email(let id): .deleteEmailAddress(id: id)
        case .phone(let id): .deletePhoneNumber(id: id)
        case .externalAccount(let id): .deleteExternalAccount(id: id)
        case .passkey(let id): .deletePasskey(id: id)
        case .profileImage: .deleteProfileImage
        case .totp: .deleteTOTP
        case .mfaPhone(let id): .updatePhoneNumber(id: id, reservedForSecondFactor: false, defaultSecondFactor: nil)
        case .device(let id): .revokeSession(id: id)
        }
    }

    /// The thing a removal names, for its confirmation and success copy.
    public func label(_ removal: Removal) -> String {
        switch removal {
        case .email(let id): user?.emailAddresses.first { $0.id == id }?.emailAddress ?? ""
        case .phone(let id), .mfaPhone(let id): user?.phoneNumbers.first { $0.id == id }?.phoneNumber ?? ""
        case .externalAccount(let id): user?.externalAccounts.first { $0.id == id }.map(Self.providerName) ?? ""
        case .passkey(let id): user?.passkeys.first { $0.id == id }?.name ?? ""
        case .profileImage: Copy.Profile.profileImage
        case .totp: Copy.Profile.authenticatorApp
        case .device(let id): devices.first { $0.id == id }.map(Self.deviceName) ?? ""
        }
    }
}
