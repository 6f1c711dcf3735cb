import Foundation
import Testing
@testable import FrontendServer

@Suite("/v1/me email addresses and phone numbers over HTTP")
struct AccountIdentifierTests {
    static func phoneSettings() -> InstanceSettings {
        var settings = TestServer.testSettings()
        settings.phoneNumber.enabled = true
        settings.mfa.phoneCode = true
        return settings
    }

    @Test func emailAddIsUnusableUntilVerifiedThenPrimaryThenRemoved() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "first@example.com")
            let firstID = try #require(((try await client.send("GET", "/v1/me")).response["primary_email_address_id"]) as? String)

            server.clock.advance(by: 1)
            let created = try await client.send("POST", "/v1/me/email_addresses", form: [("email_address", "Second@Example.com")])
            try #require(created.status == 200, "\(String(decoding: created.data, as: UTF8.self))")
            #expect(created.response["object"] as? String == "email_address")
            #expect(created.response["email_address"] as? String == "second@example.com")
            #expect(created.response["verification"] is NSNull)
            #expect(created.client["id"] is String)
            let secondID = try #require(created.response["id"] as? String)

            #expect(try await client.send("POST", "/v1/me/email_addresses", form: [("email_address", "first@example.com")]).errorCode
                    == "form_identifier_exists")
            #expect(try await client.send("POST", "/v1/me/email_addresses", form: [("email_address", "not-an-email")]).errorCode
                    == "form_param_format_invalid")
            #expect(try await client.send("POST", "/v1/me/email_addresses").errorCode == "form_param_missing")
            let stranger = NativeClient(server)
            #expect(try await Flows.signIn(stranger, identifier: "second@example.com").errorCode == "form_identifier_not_found",
                    "an unverified address cannot sign in")
            #expect(try await client.send("PATCH", "/v1/me", form: [("primary_email_address_id", secondID)]).errorCode
                    == "form_param_format_invalid", "an unverified address cannot become primary")

            let prepared = try await client.send("POST", "/v1/me/email_addresses/\(secondID)/prepare_verification",
                                                 form: [("strategy", "email_code")])
            #expect(prepared.status == 200)
            let verification = try #require(prepared.response["verification"] as? [String: Any])
            #expect(verification["status"] as? String == "unverified")
            #expect(verification["strategy"] as? String == "email_code")
            #expect(verification["expire_at"] is Int)
            #expect(try await client.send("POST", "/v1/me/email_addresses/\(secondID)/prepare_verification",
                                          form: [("strategy", "phone_code")]).errorCode == "strategy_for_user_invalid")
            let code = try await Flows.lastCode(server, to: "second@example.com")
            let wrong = try await client.send("POST", "/v1/me/email_addresses/\(secondID)/attempt_verification",
                                              form: [("code", code == "000000" ? "111111" : "000000")])
            #expect(wrong.errorCode == "form_code_incorrect")
            let verified = try await client.send("POST", "/v1/me/email_addresses/\(secondID)/attempt_verification", form: [("code", code)])
            #expect((verified.response["verification"] as? [String: Any])?["status"] as? String == "verified")
            #expect(try await client.send("POST", "/v1/me/email_addresses/\(secondID)/attempt_verification", form: [("code", code)])
                    .errorCode == "verification_already_verified")

            let list = try await client.send("GET", "/v1/me/email_addresses")
            #expect(list.array.compactMap { $0["id"] as? String } == [firstID, secondID])
            let primary = try await client.send("PATCH", "/v1/me", form: [("primary_email_address_id", secondID)])
            #expect(primary.response["primary_email_address_id"] as? String == secondID)
            #expect(try await Flows.signIn(stranger, identifier: "second@example.com").response["status"] as? String == "complete")

            #expect(try await client.send("DELETE", "/v1/me/email_addresses/\(secondID)").errorCode == "form_param_value_invalid",
                    "the primary address of a required identifier stays")
            let deleted = try await client.send("DELETE", "/v1/me/email_addresses/\(firstID)")
            #expect(deleted.response["object"] as? String == "email_address")
            #expect(deleted.response["deleted"] as? Bool == true)
            #expect(try await client.send("GET", "/v1/me/email_addresses/\(firstID)").status == 404)
            let other = NativeClient(server)
            try await Flows.signUp(other, server: server, email: "other@example.com")
            #expect(try await other.send("GET", "/v1/me/email_addresses/\(secondID)").status == 404,
                    "another user's address is not found")
        }
    }

    @Test func identifierChangesNeedARecentFactor() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "stale@example.com")
            server.clock.advance(by: 11 * 60)
            let stale = try await client.send("POST", "/v1/me/email_addresses", form: [("email_address", "new@example.com")])
            #expect(stale.status == 403)
            #expect(stale.errorCode == "session_reverification_required")
            let reverification = try #require(stale.errorMeta["reverification"] as? [String: Any])
            #expect(reverification["level"] as? String == "first_factor")
            #expect(reverification["after_minutes"] as? Int == 10)
            #expect(try await client.send("GET", "/v1/me/email_addresses").array.count == 1, "nothing was written")
        }
    }

    @Test func phoneVerifiedReservedForSecondFactorIssuesBackupCodesOnce() async throws {
        try await withRunningServer(settings: Self.phoneSettings()) { server in
            let client = NativeClient(server)
            let sessionID = try await Flows.signUp(client, server: server, email: "sms@example.com")
            let created = try await client.send("POST", "/v1/me/phone_numbers", form: [("phone_number", "+1 (201) 555-7788")])
            try #require(created.status == 200, "\(String(decoding: created.data, as: UTF8.self))")
            #expect(created.response["object"] as? String == "phone_number")
            #expect(created.response["phone_number"] as? String == "+12015557788")
            #expect(created.response["reserved_for_second_factor"] as? Bool == false)
            let id = try #require(created.response["id"] as? String)

            let early = try await client.send("PATCH", "/v1/me/phone_numbers/\(id)", form: [("reserved_for_second_factor", "true")])
            #expect(early.errorCode == "form_param_format_invalid", "an unverified phone cannot be a second factor")
            _ = try await client.send("POST", "/v1/me/phone_numbers/\(id)/prepare_verification", form: [("strategy", "phone_code")])
            let code = try await Flows.lastCode(server, to: "+12015557788")
            #expect(try await client.send("POST", "/v1/me/phone_numbers/\(id)/attempt_verification", form: [("code", code)]).status == 200)
            #expect((try await client.send("GET", "/v1/me")).response["primary_phone_number_id"] as? String == id)

            let reserved = try await client.send("PATCH", "/v1/me/phone_numbers/\(id)", form: [("reserved_for_second_factor", "true")])
            try #require(reserved.status == 200, "\(String(decoding: reserved.data, as: UTF8.self))")
            #expect(reserved.response["reserved_for_second_factor"] as? Bool == true)
            #expect(reserved.response["default_second_factor"] as? Bool == true)
            #expect((reserved.response["backup_codes"] as? [String])?.count == 10)
            let me = try await client.send("GET", "/v1/me")
            #expect(me.response["two_factor_enabled"] as? Bool == true)
            #expect(me.response["backup_code_enabled"] as? Bool == true)
            let needsSMS = try await client.send("PATCH", "/v1/me/phone_numbers/\(id)", form: [("default_second_factor", "true")])
            #expect(needsSMS.errorCode == "session_reverification_required", "with SMS enrolled, changes need a second factor")
            #expect((needsSMS.errorMeta["reverification"] as? [String: Any])?["level"] as? String == "second_factor")
            _ = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify", form: [("level", "second_factor")])
            let prepared = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/prepare_second_factor",
                                                 form: [("strategy", "phone_code")])
            #expect((prepared.response["second_factor_verification"] as? [String: Any])?["strategy"] as? String == "phone_code")
            let smsCode = try await Flows.lastCode(server, to: "+12015557788")
            let reverified = try await client.send("POST", "/v1/client/sessions/\(sessionID)/verify/attempt_second_factor",
                                                   form: [("strategy", "phone_code"), ("code", smsCode)])
            #expect(reverified.response["status"] as? String == "complete")
            let again = try await client.send("PATCH", "/v1/me/phone_numbers/\(id)", form: [("default_second_factor", "true")])
            #expect(again.status == 200)
            #expect(again.response["backup_codes"] == nil || again.response["backup_codes"] is NSNull, "backup codes are shown once")

            let device = NativeClient(server)
            let signIn = try await Flows.signIn(device, identifier: "sms@example.com")
            let strategies = (signIn.response["supported_second_factors"] as? [[String: Any]])?.compactMap { $0["strategy"] as? String }
            #expect(strategies == ["phone_code", "backup_code"])

            let released = try await client.send("PATCH", "/v1/me/phone_numbers/\(id)", form: [("reserved_for_second_factor", "false")])
            #expect(released.response["reserved_for_second_factor"] as? Bool == false)
            #expect(released.response["default_second_factor"] as? Bool == false)
            let afterRelease = try await client.send("GET", "/v1/me")
            #expect(afterRelease.response["two_factor_enabled"] as? Bool == false)
            #expect(afterRelease.response["backup_code_enabled"] as? Bool == false, "backup codes go with the last second factor")
            let list = try await client.send("GET", "/v1/me/phone_numbers")
            #expect(list.array.count == 1)
            #expect(try await client.send("DELETE", "/v1/me/phone_numbers/\(id)").response["deleted"] as? Bool == true)
            #expect((try await client.send("GET", "/v1/me")).response["primary_phone_number_id"] is NSNull)
        }
    }

    @Test func phonesAreRefusedWhenTheInstanceHasNoPhoneNumbers() async throws {
        try await withRunningServer { server in
            let client = NativeClient(server)
            try await Flows.signUp(client, server: server, email: "nophone@example.com")
            #expect(try await client.send("POST", "/v1/me/phone_numbers", form: [("phone_number", "+12015557788")]).errorCode
                    == "form_param_unknown")
            #expect(try await NativeClient(server).send("GET", "/v1/me/phone_numbers").status == 401)
        }
    }
}
