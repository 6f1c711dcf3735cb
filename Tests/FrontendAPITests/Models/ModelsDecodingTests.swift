import Foundation
import Testing
@testable import FrontendAPI

@Suite struct ModelsDecodingTests {
    @Test func clientFixtureExposesItsSessions() throws {
        let client = try Fixture.decode(Client.self, "client.json")
        #expect(client.id == "client_2aClient00000000000000001")
        #expect(client.sessions.count == 2)
        #expect(client.lastActiveSession?.status == .active)
        #expect(client.lastActiveSession?.lastActiveToken?.jwt.split(separator: ".").count == 3)
        #expect(client.sessions[1].status == .pending)
        #expect(client.sessions[1].tasks == [SessionTask(key: .setupMFA)])
        #expect(client.sessions[0].factorVerificationAge == [0, -1])
        #expect(client.signIn == nil && client.signUp == nil)
    }

    @Test func signInFactorsAndVerification() throws {
        let signIn = try Fixture.decode(SignIn.self, "sign_in_needs_first_factor.json")
        #expect(signIn.status == .needsFirstFactor)
        #expect(signIn.supportedIdentifiers == [.emailAddress, .username, .passkey])
        let emailCode = signIn.supportedFirstFactors?.first { $0.strategy == .emailCode }
        #expect(emailCode?.safeIdentifier == signIn.identifier)
        #expect(emailCode?.emailAddressID == "idn_2aEmail000000000000000001")
        #expect(signIn.firstFactorVerification?.status == .unverified)
        #expect(signIn.firstFactorVerification?.attempts == 0)

        let mfa = try Fixture.decode(SignIn.self, "sign_in_needs_second_factor.json")
        #expect(mfa.status == .needsSecondFactor)
        #expect(mfa.supportedSecondFactors?.map(\.strategy) == [.totp, .phoneCode, .backupCode])
        #expect(mfa.supportedSecondFactors?.first?.isDefault == true)
        #expect(mfa.userData == SignInUserData(hasImage: false))
    }

    @Test func signUpVerificationsCarryNextAction() throws {
        let signUp = try Fixture.decode(SignUp.self, "sign_up_missing_requirements.json")
        #expect(signUp.status == .missingRequirements)
        #expect(signUp.unverifiedFields == [.emailAddress])
        #expect(signUp.verifications.emailAddress?.nextAction == .needsPrepare)
        #expect(signUp.verifications.emailAddress?.supportedStrategies == [.emailCode])
        #expect(signUp.verifications.phoneNumber == nil)
        #expect(signUp.unsafeMetadata == ["referrer": "terminal"])
    }

    @Test func userCollectionsAndMetadata() throws {
        let user = try Fixture.decode(User.self, "user.json")
        #expect(user.emailAddresses.first?.verification?.status == .verified)
        #expect(user.phoneNumbers.first?.reservedForSecondFactor == true)
        #expect(user.passkeys.first?.name == "Terminal key")
        #expect(user.externalAccounts.first?.verification?.strategy == .oauth(provider: "google"))
        #expect(user.organizationMemberships?.first?.organization.id.hasPrefix(IDPrefix.organization) == true)
        #expect(user.organizationMemberships?.first?.organization.publicMetadata["seats"] == .int(5))
        // Nested metadata keys are not touched by any key strategy.
        #expect(user.unsafeMetadata["nested"] == ["camelCaseKey": [1, 2.5, true, nil]])
    }

    @Test func environmentKeepsProviderKeysVerbatim() throws {
        let environment = try Fixture.decode(Environment.self, "environment.json")
        #expect(environment.authConfig.singleSessionMode == false)
        #expect(environment.displayConfig.instanceEnvironmentType == .development)
        #expect(environment.userSettings.social["oauth_google"]?.name == "Google")
        #expect(environment.userSettings.enabledSocialProviders.map(\.strategy) == ["oauth_google"])
        #expect(environment.userSettings.enabledAttribute("web3_wallet") == nil)
        #expect(environment.userSettings.attributes["authenticator_app"]?.secondFactors == ["totp"])
        #expect(environment.userSettings.signUp.mode == .public)
        #expect(environment.userSettings.attackProtection.userLockout.maxAttempts == 100)
        #expect(environment.organizationSettings.domains.enrollmentModes.count == 2)
        #expect(environment.protectConfig.loaders.first?.textContent == "")
        let encoded = try encodedString(environment)
        #expect(encoded.contains(#""oauth_google":"#))
        #expect(encoded.contains(#""textContent":"#))
    }

    @Test func environmentWithOnlyTheIOSRequiredSectionsUsesDefaults() throws {
        let json = """
            {"auth_config":{"single_session_mode":true},
             "display_config":{"instance_environment_type":"production","application_name":"App",
               "preferred_sign_in_strategy":"otp","branded":false,"logo_image_url":"","home_url":"https://a.example"},
             "user_settings":{"attributes":{},"social":{},"actions":{"delete_self":false,"create_organization":false},
               "sign_up":{"custom_action_required":false,"progressive":true,"mode":"restricted","legal_consent_enabled":false}}}
            """
        let environment = try FAPIJSON.decode(Environment.self, from: Data(json.utf8))
        #expect(environment.authConfig.singleSessionMode)
        #expect(environment.organizationSettings == .disabled)
        #expect(environment.fraudSettings.deviceAttestationMode == "disabled")
        #expect(environment.userSettings.passwordSettings == UserSettings.PasswordSettings())
        #expect(environment.userSettings.signUp.mode == .restricted)
    }

    @Test func errorBodyExposesCodesAndMeta() throws {
        let body = try Fixture.decode(ClerkErrorResponse.self, "error_identifier_signed_in.json")
        #expect(body.errors.map(\.code) == ["identifier_already_signed_in", "form_password_pwned"])
        #expect(body.errors[0].meta?.sessionID == "sess_2aSession0000000000000001")
        #expect(body.errors[1].meta?.paramName == "password")
        #expect(body.clerkTraceID == "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
    }

    @Test func errorWithoutLongMessageFallsBackToMessage() throws {
        let json = #"{"errors":[{"code":"user_locked","message":"Locked","meta":{"lockout_expires_in_seconds":1800}}]}"#
        let body = try FAPIJSON.decode(ClerkErrorResponse.self, from: Data(json.utf8))
        #expect(body.errors[0].longMessage == "Locked")
        #expect(body.errors[0].meta?.lockoutExpiresInSeconds == 1800)
    }

    @Test func errorMetaKeepsUnmodelledKeys() throws {
        let json = #"{"code":"session_reverification_required","message":"m","long_message":"l","#
            + #""meta":{"param_name":"password","reverification":{"level":"second_factor","after_minutes":10}}}"#
        let error = try FAPIJSON.decode(ClerkAPIError.self, from: Data(json.utf8))
        #expect(error.meta?.paramName == "password")
        #expect(error.meta?.other == ["reverification": ["level": "second_factor", "after_minutes": 10]])
        #expect(try jsonTree(FAPIJSON.encode(error)) == jsonTree(json))
    }

    @Test func reverificationNeedsASecondFactor() throws {
        let verification = try Fixture.decode(SessionVerification.self, "session_reverification.json")
        #expect(verification.level == .secondFactor)
        #expect(verification.status == .needsSecondFactor)
        #expect(verification.supportedSecondFactors?.map(\.strategy) == [.totp, .backupCode])
        #expect(verification.session.factorVerificationAge == [0, 12])
    }

    @Test func listsDecodeFromPagesAndBareArrays() throws {
        let page = try Fixture.decode(PaginatedList<Role>.self, "roles.json")
        #expect(page.totalCount == 1 && page.data.first?.key == "org:admin")
        let bare = try FAPIJSON.decode(
            PaginatedList<Role>.self, from: JSONEncoder().encode(jsonTree(Fixture.data("roles.json")).objectValue?["data"]))
        #expect(bare == page)
        #expect(throws: DecodingError.self) {
            try FAPIJSON.decode(PaginatedList<Role>.self, from: Data(#"{"total_count":1}"#.utf8))
        }
    }

    @Test func unknownFieldsAreIgnored() throws {
        let json = #"{"object":"token","jwt":"a.b.c","brand_new_field":{"x":[1]}}"#
        #expect(try FAPIJSON.decode(Token.self, from: Data(json.utf8)) == Token(jwt: "a.b.c"))
    }
}
