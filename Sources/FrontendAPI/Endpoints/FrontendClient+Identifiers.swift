/// Email addresses and phone numbers of the signed-in user.
extension FrontendClient {
    /// `GET /v1/me/email_addresses`.
    public func emailAddresses(sessionID: String? = nil) async throws -> [EmailAddress] {
        try await send(Endpoint(.get, "/v1/me/email_addresses", envelope: .bareOrWrapped, sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/email_addresses`: adds an unverified address.
    public func createEmailAddress(_ emailAddress: String, sessionID: String? = nil) async throws -> EmailAddress {
        try await send(Endpoint(.post, "/v1/me/email_addresses", body: ["email_address": .string(emailAddress)],
                                sessionScope: .me(sessionID)))
    }

    /// `GET /v1/me/email_addresses/{id}`.
    public func emailAddress(_ id: String, sessionID: String? = nil) async throws -> EmailAddress {
        try await send(Endpoint(.get, "/v1/me/email_addresses/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/email_addresses/{id}/prepare_verification`, e.g. `strategy: .emailCode`.
    public func prepareEmailAddressVerification(
        _ id: String, strategy: Strategy, redirectURL: String? = nil, actionCompleteRedirectURL: String? = nil,
        sessionID: String? = nil
    ) async throws -> EmailAddress {
        try await send(Endpoint(.post, "/v1/me/email_addresses/\(segment(id))/prepare_verification", body: [
            "strategy": .string(strategy.rawValue), "redirect_url": redirectURL.map(FormValue.string),
            "action_complete_redirect_url": actionCompleteRedirectURL.map(FormValue.string),
        ], sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/email_addresses/{id}/attempt_verification`.
    public func attemptEmailAddressVerification(_ id: String, code: SecretText, sessionID: String? = nil) async throws -> EmailAddress {
        try await send(Endpoint(.post, "/v1/me/email_addresses/\(segment(id))/attempt_verification",
                                body: ["code": .string(code.value)], sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me/email_addresses/{id}`.
    @discardableResult
    public func deleteEmailAddress(_ id: String, sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/me/email_addresses/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `GET /v1/me/phone_numbers`.
    public func phoneNumbers(sessionID: String? = nil) async throws -> [PhoneNumber] {
        try await send(Endpoint(.get, "/v1/me/phone_numbers", envelope: .bareOrWrapped, sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/phone_numbers`: adds an unverified number.
    public func createPhoneNumber(
        _ phoneNumber: String, reservedForSecondFactor: Bool? = nil, sessionID: String? = nil
    ) async throws -> PhoneNumber {
        try await send(Endpoint(.post, "/v1/me/phone_numbers", body: [
            "phone_number": .string(phoneNumber),
            "reserved_for_second_factor": reservedForSecondFactor.map(FormValue.bool),
        ], sessionScope: .me(sessionID)))
    }

    /// `GET /v1/me/phone_numbers/{id}`.
    public func phoneNumber(_ id: String, sessionID: String? = nil) async throws -> PhoneNumber {
        try await send(Endpoint(.get, "/v1/me/phone_numbers/\(segment(id))", sessionScope: .me(sessionID)))
    }

    /// `PATCH /v1/me/phone_numbers/{id}`: MFA use of the number. The response may carry backup codes.
    public func updatePhoneNumber(
        _ id: String, reservedForSecondFactor: Bool? = nil, defaultSecondFactor: Bool? = nil, sessionID: String? = nil
    ) async throws -> PhoneNumber {
        try await send(Endpoint(.patch, "/v1/me/phone_numbers/\(segment(id))", body: [
            "reserved_for_second_factor": reservedForSecondFactor.map(FormValue.bool),
            "default_second_factor": defaultSecondFactor.map(FormValue.bool),
        ], sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/phone_numbers/{id}/prepare_verification` (`phone_code`).
    public func preparePhoneNumberVerification(
        _ id: String, strategy: Strategy = .phoneCode, sessionID: String? = nil
    ) async throws -> PhoneNumber {
        try await send(Endpoint(.post, "/v1/me/phone_numbers/\(segment(id))/prepare_verification",
                                body: ["strategy": .string(strategy.rawValue)], sessionScope: .me(sessionID)))
    }

    /// `POST /v1/me/phone_numbers/{id}/attempt_verification`.
    public func attemptPhoneNumberVerification(_ id: String, code: SecretText, sessionID: String? = nil) async throws -> PhoneNumber {
        try await send(Endpoint(.post, "/v1/me/phone_numbers/\(segment(id))/attempt_verification",
                                body: ["code": .string(code.value)], sessionScope: .me(sessionID)))
    }

    /// `DELETE /v1/me/phone_numbers/{id}`.
    @discardableResult
    public func deletePhoneNumber(_ id: String, sessionID: String? = nil) async throws -> DeletedObject {
        try await send(Endpoint(.delete, "/v1/me/phone_numbers/\(segment(id))", sessionScope: .me(sessionID)))
    }
}
