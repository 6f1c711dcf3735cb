import Foundation
import FrontendAPI

/// The UserProfile calls: each ``ProfileCall`` is one `/v1/me*` or reverification endpoint, acting for the
/// given session.
extension FrontendClientBackend {
    public func profile(sessionID: String, _ profileCall: ProfileCall) async throws(PortalFailure) -> BackendResult {
        let id = sessionID
        switch profileCall {
        case .loadUser:
            return .user(try await call { try await client.user(sessionID: id) })
        case .updateUser(let changes):
            let parameters = UserUpdateParameters(
                username: changes.username, firstName: changes.firstName, lastName: changes.lastName,
                primaryEmailAddressID: changes.primaryEmailAddressID, primaryPhoneNumberID: changes.primaryPhoneNumberID)
            return .user(try await call { try await client.updateUser(parameters, sessionID: id) })
        case .setProfileImage(let path):
            let image = try ProfileImageFile.read(path)
            _ = try await call { try await client.updateProfileImage(image.data, contentType: image.contentType, sessionID: id) }
            return .done
        case .deleteProfileImage:
            _ = try await call { try await client.deleteProfileImage(sessionID: id) }
            return .done
        case .createEmailAddress(let address):
            return .emailAddress(try await call { try await client.createEmailAddress(address, sessionID: id) })
        case .prepareEmailVerification(let emailID):
            return .emailAddress(
                try await call { try await client.prepareEmailAddressVerification(emailID, strategy: .emailCode, sessionID: id) })
        case .attemptEmailVerification(let emailID, let code):
            return .emailAddress(
                try await call { try await client.attemptEmailAddressVerification(emailID, code: code.value, sessionID: id) })
        case .deleteEmailAddress(let emailID):
            _ = try await call { try await client.deleteEmailAddress(emailID, sessionID: id) }
            return .done
        case .createPhoneNumber(let number):
            return .phoneNumber(try await call { try await client.createPhoneNumber(number, sessionID: id) })
        case .preparePhoneVerification(let phoneID):
            return .phoneNumber(try await call { try await client.preparePhoneNumberVerification(phoneID, sessionID: id) })
        case .attemptPhoneVerification(let phoneID, let code):
            return .phoneNumber(
                try await call { try await client.attemptPhoneNumberVerification(phoneID, code: code.value, sessionID: id) })
        case .updatePhoneNumber(let phoneID, let reserved, let isDefault):
            return .phoneNumber(
                try await call {
                    try await client.updatePhoneNumber(
                        phoneID, reservedForSecondFactor: reserved, defaultSecondFactor: isDefault, sessionID: id)
                })
        case .deletePhoneNumber(let phoneID):
            _ = try await call { try await client.deletePhoneNumber(phoneID, sessionID: id) }
            return .done
        case .createExternalAccount(let strategy, let redirectURL):
            return .externalAccount(
                try await call {
                    try await client.createExternalAccount(
                        strategy: strategy, redirectURL: redirectURL, sessionID: id)
                })
        case .reauthorizeExternalAccount(let accountID, let redirectURL):
            return .externalAccount(
                try await call {
                    try await client.reauthorizeExternalAccount(accountID, redirectURL: redirectURL, sessionID: id)
                })
        case .deleteExternalAccount(let accountID):
            _ = try await call { try await client.deleteExternalAccount(accountID, sessionID: id) }
            return .done
        case .changePassword(let current, let new, let signOut):
            return .user(
                try await call {
                    try await client.changePassword(
                        currentPassword: current?.value, newPassword: new.value, signOutOfOtherSessions: signOut,
                        sessionID: id)
                })
        case .createTOTP:
            return .totp(try await call { try await client.createTOTP(sessionID: id) })
        case .verifyTOTP(let code):
            return .totp(try await call { try await client.verifyTOTP(code: code.value, sessionID: id) })
        case .deleteTOTP:
            _ = try await call { try await client.deleteTOTP(sessionID: id) }
            return .done
        case .createBackupCodes:
            return .backupCodes(try await call { try await client.createBackupCodes(sessionID: id) })
        case .renamePasskey(let passkeyID, let name):
            return .passkey(try await call { try await client.renamePasskey(passkeyID, name: name, sessionID: id) })
        case .deletePasskey(let passkeyID):
            _ = try await call { try await client.deletePasskey(passkeyID, sessionID: id) }
            return .done
        case .activeSessions:
            return .sessions(try await call { try await client.activeSessions(sessionID: id) })
        case .revokeSession(let other):
            return .session(try await call { try await client.revokeSession(other, sessionID: id) })
        case .deleteUser:
            _ = try await call { try await client.deleteUser(sessionID: id) }
            return .done
        case .startVerification(let level):
            return .verification(try await call { try await client.startReverification(sessionID: id, level: level.rawValue) })
        case .prepareVerification(let second, let params):
            let parameters = Self.parameters(params)
            return .verification(
                try await call {
                    second
                        ? try await client.prepareReverificationSecondFactor(sessionID: id, parameters)
                        : try await client.prepareReverificationFirstFactor(sessionID: id, parameters)
                })
        case .attemptVerification(let second, let params):
            let parameters = Self.parameters(params)
            return .verification(
                try await call {
                    second
                        ? try await client.attemptReverificationSecondFactor(sessionID: id, parameters)
                        : try await client.attemptReverificationFirstFactor(sessionID: id, parameters)
                })
        }
    }
}

/// A profile image read from disk, checked the way Clerk checks uploads: at most 10 MB, and a JPEG, PNG,
/// GIF or WebP image by its content (not its file name).
enum ProfileImageFile {
    static let maximumBytes = 10 * 1024 * 1024

    static func read(_ path: String) throws(PortalFailure) -> (data: Data, contentType: String) {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size else {
            throw failure("form_param_invalid", "Image not found", "There is no file at \(path).")
        }
        guard size <= maximumBytes else {
            throw failure("avatar_file_size_exceeded", "File size exceeds the maximum limit of 10MB.",
                          "File size exceeds the maximum limit of 10MB.")
        }
        guard let data = try? Data(contentsOf: url) else {
            throw failure("form_param_invalid", "Image unreadable", "The file at \(path) could not be read.")
        }
        guard let type = contentType(of: data) else {
            throw failure("avatar_file_type_invalid", "File type not supported.",
                          "File type not supported. Please upload a JPG, PNG, GIF, or WEBP image.")
        }
        return (data, type)
    }

    /// The image type from the file's magic bytes.
    static func contentType(of data: Data) -> String? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.count == 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        return nil
    }

    private static func failure(_ code: String, _ message: String, _ long: String) -> PortalFailure {
        .api(status: 422, errors: [ClerkAPIError(code: code, message: message, longMessage: long,
                                                  meta: ErrorMeta(paramName: "file"))])
    }
}
