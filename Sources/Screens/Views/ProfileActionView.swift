import FrontendAPI
import Portal
import TerminalUI

/// The UserProfile's inline action cards: forms, menus, confirmations, reverification. Pure.
enum ProfileActionView {
    static func card(_ machine: ProfileMachine) -> Card {
        var card = body(machine)
        card.notice = card.notice ?? ProfileView.notice(machine)
        if machine.serverUnavailable { card.controls.insert(.button(Copy.retry, action: .profile(.retry), enabled: true), at: 0) }
        if machine.step != .overview, !isFinal(machine.step) {
            card.controls.append(.link(Copy.Profile.cancel, prefix: nil, action: .profile(.back), enabled: true))
        }
        return card
    }

    private static func isFinal(_ step: ProfileMachine.Step) -> Bool {
        if case .backupCodes = step { true } else { false }
    }

    private static func event(_ event: ProfileMachine.Event) -> PortalMachine.Event { .profile(event) }
    private static func open(_ step: ProfileMachine.Step) -> PortalMachine.Event { .profile(.open(step)) }

    private static func text(_ field: ProfileField, _ label: String, _ machine: ProfileMachine, placeholder: String = "", hint: String? = nil)
        -> Control
    {
        .text(.profile(field), label: label, placeholder: placeholder, value: machine.form[field],
              error: machine.errors[field.rawValue], hint: hint)
    }

    private static func primary(_ label: String, _ machine: ProfileMachine, enabled: Bool = true) -> Control {
        .button(label, action: event(.submit), enabled: enabled && !machine.isBusy)
    }

    private static func code(_ machine: ProfileMachine) -> Control {
        .code(.code, label: Copy.Field.verificationCode, error: machine.errors["code"])
    }

    private static func body(_ machine: ProfileMachine) -> Card {
        let user = machine.user
        switch machine.step {
        case .overview:
            return Card(title: "")
        case .editProfile:
            var card = Card(title: Copy.Profile.updateProfile, subtitle: nil)
            card.lines = ["\(Copy.Profile.profileImage): \(Copy.Profile.initials(machine.initials))"]
            if machine.config.names {
                card.controls += [
                    text(.firstName, Copy.Profile.firstName, machine), text(.lastName, Copy.Profile.lastName, machine),
                ]
            }
            if machine.config.localFiles {
                card.controls.append(text(.imagePath, Copy.Profile.imagePathLabel, machine, hint: Copy.Profile.imageHint))
            }
            if user?.hasImage == true {
                card.controls.append(
                    .link(Copy.Profile.removeImage, prefix: nil, action: open(.confirmRemoval(.profileImage)), enabled: true))
            }
            card.controls.append(primary(Copy.Profile.save, machine))
            return card
        case .editUsername:
            var card = Card(title: user?.username == nil ? Copy.Profile.setUsername : Copy.Profile.updateUsername)
            card.controls = [text(.username, Copy.Field.username, machine), primary(Copy.Profile.save, machine)]
            return card
        case .addEmail:
            var card = Card(title: Copy.Profile.addEmail, subtitle: Copy.Profile.addEmailHint)
            card.controls = [
                text(.emailAddress, Copy.Field.emailAddress, machine, placeholder: Copy.Field.emailAddressPlaceholder),
                primary(Copy.Profile.add, machine),
            ]
            return card
        case .verifyEmail(let id):
            let address = user?.emailAddresses.first { $0.id == id }?.emailAddress ?? ""
            return verifyCard(Copy.Profile.verifyEmailTitle, identifier: address, machine)
        case .emailMenu(let id):
            guard let email = user?.emailAddresses.first(where: { $0.id == id }) else { return Card(title: Copy.Profile.emailSection) }
            let verified = email.verification?.status == .verified
            let isPrimary = id == user?.primaryEmailAddressID
            var card = Card(title: email.emailAddress, subtitle: ProfileView.badgeText(machine.badges(id: id, verified: verified)))
            if !verified {
                let label = isPrimary ? Copy.Profile.completeVerification : Copy.Profile.verify
                card.controls.append(.option(label, detail: nil, action: event(.verifyEmail(id: id))))
            } else if !isPrimary {
                card.controls.append(.option(Copy.Profile.setAsPrimary, detail: nil, action: event(.setPrimaryEmail(id: id))))
            }
            card.controls.append(.option(Copy.Profile.removeEmail, detail: nil, action: open(.confirmRemoval(.email(id: id)))))
            return card
        case .addPhone:
            var card = Card(title: Copy.Profile.addPhone, subtitle: Copy.Profile.addPhoneHint)
            card.controls = [
                text(.countryCode, Copy.Profile.countryCode, machine),
                text(.phoneNumber, Copy.Profile.phoneNumber, machine, placeholder: Copy.Field.phoneNumberPlaceholder),
                primary(Copy.Profile.add, machine),
            ]
            return card
        case .verifyPhone(let id):
            let number = user?.phoneNumbers.first { $0.id == id }?.phoneNumber ?? ""
            return verifyCard(Copy.Profile.verifyPhoneTitle, identifier: number, machine)
        case .phoneMenu(let id):
            guard let phone = user?.phoneNumbers.first(where: { $0.id == id }) else { return Card(title: Copy.Profile.phoneSection) }
            let verified = phone.verification?.status == .verified
            var card = Card(title: phone.phoneNumber, subtitle: ProfileView.badgeText(machine.badges(id: id, verified: verified)))
            if !verified {
                card.controls.append(.option(Copy.Profile.verifyPhone, detail: nil, action: event(.verifyPhone(id: id))))
            } else if id != user?.primaryPhoneNumberID {
                card.controls.append(.option(Copy.Profile.setAsPrimary, detail: nil, action: event(.setPrimaryPhone(id: id))))
            }
            card.controls.append(.option(Copy.Profile.removePhone, detail: nil, action: open(.confirmRemoval(.phone(id: id)))))
            return card
        case .externalAccountMenu(let id):
            let account = user?.externalAccounts.first { $0.id == id }
            var card = Card(title: account.map(ProfileMachine.providerName) ?? "", subtitle: account?.emailAddress)
            if account?.verification?.status != .verified, machine.config.oauthRedirectURL != nil {
                card.controls.append(.option(Copy.Profile.reconnect, detail: nil, action: event(.reconnect(accountID: id))))
            }
            card.controls.append(
                .option(Copy.Profile.remove, detail: nil, action: open(.confirmRemoval(.externalAccount(id: id)))))
            return card
        case .connectAccount:
            var card = Card(title: Copy.Profile.connectAccount)
            card.controls = machine.connectableProviders.map {
                .option($0.name, detail: nil, action: event(.connect($0)))
            }
            return card
        case .connectingAccount(let provider, let url, _):
            var card = Card(title: Copy.Profile.connectWith(provider), subtitle: Copy.Profile.finishInBrowser(provider))
            card.handOff(to: url)
            return card
        case .password:
            return passwordCard(machine)
        case .chooseMFA:
            var card = Card(title: Copy.Profile.addMFA)
            for step in machine.secondFactorsToAdd {
                let label = step == .addTOTP ? Copy.Profile.authenticatorApp : Copy.Profile.smsCode
                card.controls.append(.option(label, detail: nil, action: open(step)))
            }
            return card
        case .addTOTP:
            return totpCard(machine)
        case .chooseSMSPhone:
            let phones = machine.phonesAvailableForSecondFactor
            var card = Card(
                title: Copy.Profile.addSMSTitle,
                subtitle: phones.isEmpty ? Copy.Profile.noAvailablePhones : Copy.Profile.availablePhones)
            card.controls = phones.map { .option($0.phoneNumber, detail: nil, action: event(.reservePhoneForSecondFactor(id: $0.id))) }
            card.controls.append(.option("+ " + Copy.Profile.addPhone, detail: nil, action: open(.addPhone)))
            return card
        case .totpMenu:
            var card = Card(title: Copy.Profile.authenticatorApp)
            card.controls = [.option(Copy.Profile.remove, detail: nil, action: open(.confirmRemoval(.totp)))]
            return card
        case .mfaPhoneMenu(let id):
            let phone = user?.phoneNumbers.first { $0.id == id }
            var card = Card(title: Copy.Profile.smsCode, subtitle: phone?.phoneNumber)
            if phone?.defaultSecondFactor == false {
                card.controls.append(.option(Copy.Profile.setAsDefault, detail: nil, action: event(.setDefaultSecondFactor(phoneID: id))))
            }
            card.controls.append(.option(Copy.Profile.remove, detail: nil, action: open(.confirmRemoval(.mfaPhone(id: id)))))
            return card
        case .regenerateBackupCodes:
            var card = Card(title: Copy.Profile.regenerateTitle, subtitle: Copy.Profile.regenerateSubtitle)
            card.controls = [primary(Copy.Profile.regenerate, machine)]
            return card
        case .backupCodes(let title, let message):
            var card = Card(title: title, subtitle: nil)
            card.lines = [message, Copy.Tasks.backupCodesMessage, machine.backupCodes.joined(separator: "  ")]
            card.controls = [.copy(Copy.copyAll, text: machine.backupCodes.joined(separator: "\n"))]
            if machine.config.localFiles {
                card.controls.append(text(.backupCodesPath, Copy.Profile.saveCodesPath, machine))
                card.controls.append(.button(Copy.Profile.saveCodes, action: event(.saveBackupCodes), enabled: !machine.isBusy))
            }
            card.controls.append(.button(Copy.Profile.finish, action: event(.back), enabled: !machine.isBusy))
            return card
        case .passkeyMenu(let id):
            let passkey = user?.passkeys.first { $0.id == id }
            var card = Card(title: passkey?.name ?? Copy.Profile.passkeysSection, subtitle: Copy.Profile.passkeysReadOnly)
            card.controls = [
                .option(Copy.Profile.rename, detail: nil, action: open(.renamePasskey(id: id))),
                .option(Copy.Profile.remove, detail: nil, action: open(.confirmRemoval(.passkey(id: id)))),
            ]
            return card
        case .renamePasskey:
            var card = Card(title: Copy.Profile.renamePasskeyTitle, subtitle: Copy.Profile.renamePasskeySubtitle)
            card.controls = [text(.passkeyName, Copy.Profile.passkeyName, machine), primary(Copy.Profile.save, machine)]
            return card
        case .confirmRemoval(let removal):
            return removalCard(removal, machine)
        case .deleteAccount:
            var card = Card(title: Copy.Profile.deleteAccount)
            card.lines = [Copy.Profile.deleteMessage1, Copy.Profile.deleteMessage2]
            card.controls = [
                text(.deleteConfirmation, Copy.Profile.deleteConfirmLabel, machine),
                primary(Copy.Profile.deleteAccount, machine, enabled: machine.deleteConfirmed),
            ]
            return card
        case .reverify:
            return reverifyCard(machine)
        }
    }

    private static func verifyCard(_ title: String, identifier: String, _ machine: ProfileMachine) -> Card {
        var card = Card(title: title, subtitle: Copy.Profile.codeSentTo(identifier))
        card.controls = [
            code(machine), primary(Copy.continueButton, machine),
            .link(Copy.Profile.resend, prefix: nil, action: event(.resendCode), enabled: !machine.isBusy),
        ]
        return card
    }

    private static func passwordCard(_ machine: ProfileMachine) -> Card {
        let hasPassword = machine.user?.passwordEnabled == true
        var card = Card(title: hasPassword ? Copy.Profile.updatePassword : Copy.Profile.setPassword)
        if machine.asksCurrentPassword {
            card.controls.append(
                .secret(.currentPassword, label: Copy.Profile.currentPassword, placeholder: "",
                        error: machine.errors["current_password"], hint: nil))
        }
        var errors = machine.errors
        errors.fields["password"] = errors.fields["new_password"]
        card.controls += NewPasswordControls.controls(
            form: machine.form.newPassword, feedback: machine.newPasswordFeedback, errors: errors,
            toggle: .profile(.toggleSignOutOfOtherSessions))
        card.controls.append(primary(Copy.Profile.save, machine))
        return card
    }

    private static func totpCard(_ machine: ProfileMachine) -> Card {
        var card = Card(title: Copy.Tasks.addAuthenticatorTitle, subtitle: Copy.Tasks.verifyAuthenticatorSubtitle)
        card.controls = [
            code(machine), primary(Copy.continueButton, machine),
            .link(machine.showsKey ? Copy.Tasks.scanInstead : Copy.Tasks.cantScan, prefix: nil, action: event(.toggleKey), enabled: true),
        ]
        card.authenticatorKey(machine.totp, showsKey: machine.showsKey)
        return card
    }

    private static func removalCard(_ removal: ProfileMachine.Removal, _ machine: ProfileMachine) -> Card {
        let label = machine.label(removal)
        var card: Card
        var button = Copy.Profile.remove
        switch removal {
        case .email:
            card = Card(title: Copy.Profile.removeEmailTitle)
            card.lines = [Copy.Profile.willBeRemoved(label), Copy.Profile.removeEmailWarning]
        case .phone:
            card = Card(title: Copy.Profile.removePhone)
            card.lines = [Copy.Profile.willBeRemoved(label), Copy.Profile.removePhoneWarning]
        case .externalAccount:
            card = Card(title: Copy.Profile.removeConnectedAccount)
            card.lines = [Copy.Profile.willBeRemoved(label)]
        case .passkey:
            card = Card(title: Copy.Profile.removePasskeyTitle)
            card.lines = [Copy.Profile.willBeRemoved(label)]
        case .profileImage:
            card = Card(title: Copy.Profile.removeImage)
            card.lines = [Copy.Profile.willBeRemoved(label)]
        case .totp:
            card = Card(title: Copy.Profile.removeMFATitle)
            card.lines = [Copy.Profile.removeTOTPMessage, Copy.Profile.removeMFAWarning]
        case .mfaPhone:
            card = Card(title: Copy.Profile.removeMFATitle)
            card.lines = [Copy.Profile.smsRemovedMessage(label), Copy.Profile.removeMFAWarning]
        case .device:
            card = Card(title: Copy.Profile.signOutOfDevice, subtitle: label)
            card.lines = [Copy.Profile.signOutOfDeviceMessage]
            button = Copy.Profile.signOutOfDevice
        }
        card.controls = [primary(button, machine)]
        return card
    }

    private static func reverifyCard(_ machine: ProfileMachine) -> Card {
        let factor = machine.reverification?.factor
        var card = Card(title: Copy.Profile.verificationRequired)
        switch factor?.strategy {
        case .password?:
            card.subtitle = Copy.Profile.verifyPasswordSubtitle
            card.controls = [
                .secret(.currentPassword, label: Copy.Field.password, placeholder: Copy.Field.passwordPlaceholder,
                        error: machine.errors["password"], hint: nil)
            ]
        case .totp?:
            card.subtitle = Copy.Profile.verifyTOTPSubtitle
            card.controls = [code(machine)]
        case .backupCode?:
            card.subtitle = Copy.Profile.verifyBackupCodeSubtitle
            card.controls = [
                .secret(.backupCode, label: Copy.Profile.backupCode, placeholder: Copy.Field.backupCodePlaceholder,
                        error: machine.errors["code"], hint: nil)
            ]
        case .some:
            card.subtitle = Copy.Profile.verifyCodeSubtitle(factor?.safeIdentifier ?? "")
            card.controls = [
                code(machine), .link(Copy.Profile.resend, prefix: nil, action: event(.resendCode), enabled: !machine.isBusy),
            ]
        case nil:
            break
        }
        if factor != nil { card.controls.insert(primary(Copy.continueButton, machine), at: 1) }
        if (machine.reverification?.factors.count ?? 0) > 1 {
            card.controls.append(.link(Copy.useAnotherMethod, prefix: nil, action: event(.useAnotherFactor), enabled: true))
        }
        return card
    }
}
