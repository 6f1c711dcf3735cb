import FrontendAPI

extension ProfileCall {
    /// Performs the call with `client`, acting for `sessionID`: the call's one mapping to a client method.
    func perform(with client: FrontendClient, sessionID id: String) async throws -> BackendResult {
        switch self {
        case .loadUser: .user(try await client.user(sessionID: id))
        case .updateUser(let changes): .user(try await client.updateUser(changes, sessionID: id))
        case .setProfileImage(let path):
            try await done {
                let image = try ImageFile.read(path)
                return try await client.updateProfileImage(image.data, contentType: image.contentType, sessionID: id)
            }
        case .deleteProfileImage: try await done { try await client.deleteProfileImage(sessionID: id) }
        case .createEmailAddress(let address): .emailAddress(try await client.createEmailAddress(address, sessionID: id))
        case .prepareEmailVerification(let emailID):
            .emailAddress(try await client.prepareEmailAddressVerification(emailID, strategy: .emailCode, sessionID: id))
        case .attemptEmailVerification(let emailID, let code):
            .emailAddress(try await client.attemptEmailAddressVerification(emailID, code: code, sessionID: id))
        case .deleteEmailAddress(let emailID): try await done { try await client.deleteEmailAddress(emailID, sessionID: id) }
        case .createPhoneNumber(let number): .phoneNumber(try await client.createPhoneNumber(number, sessionID: id))
        case .preparePhoneVerification(let phoneID):
            .phoneNumber(try await client.preparePhoneNumberVerification(phoneID, sessionID: id))
        case .attemptPhoneVerification(let phoneID, let code):
            .phoneNumber(try await client.attemptPhoneNumberVerification(phoneID, code: code, sessionID: id))
        case .updatePhoneNumber(let phoneID, let reserved, let isDefault):
            .phoneNumber(
                try await client.updatePhoneNumber(
                    phoneID, reservedForSecondFactor: reserved, defaultSecondFactor: isDefault, sessionID: id))
        case .deletePhoneNumber(let phoneID): try await done { try await client.deletePhoneNumber(phoneID, sessionID: id) }
        case .createExternalAccount(let strategy, let redirectURL):
            .externalAccount(try await client.createExternalAccount(strategy: strategy, redirectURL: redirectURL, sessionID: id))
        case .reauthorizeExternalAccount(let accountID, let redirectURL):
            .externalAccount(try await client.reauthorizeExternalAccount(accountID, redirectURL: redirectURL, sessionID: id))
        case .deleteExternalAccount(let accountID):
            try await done { try await client.deleteExternalAccount(accountID, sessionID: id) }
        case .changePassword(let current, let new, let signOut):
            .user(
                try await client.changePassword(
                    currentPassword: current, newPassword: new, signOutOfOtherSessions: signOut, sessionID: id))
        case .createTOTP: .totp(try await client.createTOTP(sessionID: id))
        case .verifyTOTP(let code): .totp(try await client.verifyTOTP(code: code, sessionID: id))
        case .deleteTOTP: try await done { try await client.deleteTOTP(sessionID: id) }
        case .createBackupCodes: .backupCodes(try await client.createBackupCodes(sessionID: id))
        case .createPasskey: .passkey(try await client.createPasskey(sessionID: id))
        case .attemptPasskeyVerification(let passkeyID, let credential):
            .passkey(try await client.attemptPasskeyVerification(passkeyID, publicKeyCredential: credential, sessionID: id))
        case .renamePasskey(let passkeyID, let name): .passkey(try await client.renamePasskey(passkeyID, name: name, sessionID: id))
        case .deletePasskey(let passkeyID): try await done { try await client.deletePasskey(passkeyID, sessionID: id) }
        case .activeSessions: .sessions(try await client.activeSessions(sessionID: id))
        case .revokeSession(let other): .session(try await client.revokeSession(other, sessionID: id))
        case .deleteUser: try await done { try await client.deleteUser(sessionID: id) }
        case .startVerification(let level): .verification(try await client.startReverification(sessionID: id, level: level.rawValue))
        case .prepareVerification(let second, let parameters):
            .verification(
                second
                    ? try await client.prepareReverificationSecondFactor(sessionID: id, parameters)
                    : try await client.prepareReverificationFirstFactor(sessionID: id, parameters))
        case .attemptVerification(let second, let parameters):
            .verification(
                second
                    ? try await client.attemptReverificationSecondFactor(sessionID: id, parameters)
                    : try await client.attemptReverificationFirstFactor(sessionID: id, parameters))
        }
    }
}
