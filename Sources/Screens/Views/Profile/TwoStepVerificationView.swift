import Portal
import TerminalUI

extension TwoStepVerificationSection: ProfileSectionView {
    /// The methods set up, the backup codes, and "+ Add two-step verification".
    func rows(_ profile: ProfileMachine) -> [Control] {
        let config = profile.config
        let user = profile.user
        guard config.totp || config.smsCode || user?.twoFactorEnabled == true else { return [] }
        var controls: [Control] = [.section(Copy.Profile.mfaSection)]
        if user?.totpEnabled == true {
            controls.append(
                .option(Copy.Profile.authenticatorApp, detail: Copy.Profile.defaultBadge, action: Self.opening(.authenticatorMenu)))
        }
        for phone in profile.secondFactorPhones {
            let isDefault = phone.defaultSecondFactor && user?.totpEnabled != true
            controls.append(
                .option(
                    "\(Copy.Profile.smsCode) \(phone.phoneNumber)", detail: isDefault ? Copy.Profile.defaultBadge : nil,
                    action: Self.opening(.phoneMenu(id: phone.id))))
        }
        if user?.backupCodeEnabled == true {
            controls.append(
                .option(
                    Copy.Profile.backupCodes, detail: Copy.Profile.regenerate, action: BackupCodesSection.opening(.regenerate)))
        }
        if !profile.secondFactorsToAdd.isEmpty {
            controls.append(.option("+ " + Copy.Profile.addMFA, detail: nil, action: Self.opening(.choose)))
        }
        return controls
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        switch step {
        case .choose:
            var card = Card(title: Copy.Profile.addMFA)
            card.controls = profile.secondFactorsToAdd.map {
                .option($0 == .addAuthenticator ? Copy.Profile.authenticatorApp : Copy.Profile.smsCode, detail: nil, action: Self.opening($0))
            }
            return card
        case .addAuthenticator:
            var card = Card(title: Copy.Tasks.addAuthenticatorTitle, subtitle: Copy.Tasks.verifyAuthenticatorSubtitle)
            card.controls = [
                SectionControls.code(profile), SectionControls.primary(Copy.continueButton, profile),
                .link(showsKey ? Copy.Tasks.scanInstead : Copy.Tasks.cantScan, prefix: nil, action: Self.doing(.toggleKey), enabled: true),
            ]
            card.authenticatorKey(totp, showsKey: showsKey)
            return card
        case .choosePhone:
            return choosePhone(profile)
        case .authenticatorMenu:
            var card = Card(title: Copy.Profile.authenticatorApp)
            card.controls = [.option(Copy.Profile.remove, detail: nil, action: Self.opening(.removeAuthenticator))]
            return card
        case .phoneMenu(let id):
            let phone = profile.user?.phoneNumbers.first { $0.id == id }
            var card = Card(title: Copy.Profile.smsCode, subtitle: phone?.phoneNumber)
            if phone?.defaultSecondFactor == false {
                card.controls.append(.option(Copy.Profile.setAsDefault, detail: nil, action: Self.doing(.setDefault(phoneID: id))))
            }
            card.controls.append(.option(Copy.Profile.remove, detail: nil, action: Self.opening(.removePhone(id: id))))
            return card
        case .removeAuthenticator:
            let lines = [Copy.Profile.removeTOTPMessage, Copy.Profile.removeMFAWarning]
            return SectionControls.confirmation(Copy.Profile.removeMFATitle, lines: lines, profile)
        case .removePhone(let id):
            let number = profile.user?.phoneNumbers.first { $0.id == id }?.phoneNumber ?? ""
            let lines = [Copy.Profile.smsRemovedMessage(number), Copy.Profile.removeMFAWarning]
            return SectionControls.confirmation(Copy.Profile.removeMFATitle, lines: lines, profile)
        }
    }

    /// The verified numbers that could receive codes, and a way to add one.
    private func choosePhone(_ profile: ProfileMachine) -> Card {
        let phones = profile.phonesAvailableForSecondFactor
        var card = Card(
            title: Copy.Profile.addSMSTitle, subtitle: phones.isEmpty ? Copy.Profile.noAvailablePhones : Copy.Profile.availablePhones)
        card.controls = phones.map { .option($0.phoneNumber, detail: nil, action: Self.doing(.reservePhone(id: $0.id))) }
        card.controls.append(.option("+ " + Copy.Profile.addPhone, detail: nil, action: PhoneNumbersSection.opening(.add)))
        return card
    }
}
