import Foundation
import Testing
@testable import FrontendAPI

@Suite struct ModelsEncodingTests {
    static let epoch = Date(fapiMilliseconds: 1_700_690_400_123)

    static func session(actor: JSONValue? = nil) -> Session {
        Session(
            id: "sess_1", status: .active, expireAt: epoch, abandonAt: epoch, lastActiveAt: epoch,
            actor: actor, publicUserData: PublicUserData(imageURL: "", hasImage: false, identifier: "a@b.co"),
            factorVerificationAge: [0, -1], createdAt: epoch, updatedAt: epoch)
    }

    @Test func timestampsAreWholeMillisecondsOnTheWire() throws {
        let encoded = try encodedString(Self.session())
        #expect(encoded.contains(#""expire_at":1700690400123"#))
        #expect(!encoded.contains("e+"))
        #expect(!encoded.contains("1700690400123."))
    }

    @Test func subMillisecondDatesRoundToIntegers() throws {
        let date = Date(timeIntervalSince1970: 1_700_690_400.123_6)
        #expect(date.fapiMilliseconds == 1_700_690_400_124)
        #expect(try encodedString([date]) == "[1700690400124]")
    }

    @Test func millisecondsRoundTripExactly() throws {
        for milliseconds: Int64 in [0, 1, 999, 1_700_690_400_000, 1_700_690_460_123, 4_102_444_800_001] {
            let decoded = try FAPIJSON.decode([Date].self, from: Data("[\(milliseconds)]".utf8))
            #expect(decoded[0].fapiMilliseconds == milliseconds)
            #expect(try encodedString(decoded) == "[\(milliseconds)]")
        }
    }

    @Test func nullableRequiredKeysAreWrittenAsNull() throws {
        let client = Client(id: "client_1", createdAt: Self.epoch, updatedAt: Self.epoch)
        let tree = try jsonTree(FAPIJSON.encode(client))
        for key in ["sign_in", "sign_up", "last_active_session_id", "last_authentication_strategy", "cookie_expires_at"] {
            #expect(tree.objectValue?[key] == .null, "\(key) must be present and null")
        }
        #expect(tree.objectValue?["object"] == "client")

        let session = try jsonTree(FAPIJSON.encode(Self.session()))
        for key in ["actor", "last_active_token", "last_active_organization_id", "tasks"] {
            #expect(session.objectValue?[key] == .null, "\(key) must be present and null")
        }
        #expect(session.objectValue?["user"] == nil, "user is omitted, not null, when absent")
    }

    @Test func envelopeAlwaysWritesBothKeys() throws {
        let empty = ClientResponse<Client?>(response: nil, client: nil)
        #expect(try encodedString(empty) == #"{"client":null,"response":null}"#)
        let decoded = try FAPIJSON.decode(ClientResponse<Client?>.self, from: Data(#"{"client":null}"#.utf8))
        #expect(decoded.response == nil)
    }

    @Test func envelopeRequiresANonOptionalResponse() {
        #expect(throws: DecodingError.self) {
            try FAPIJSON.decode(ClientResponse<Token>.self, from: Data(#"{"response":null,"client":null}"#.utf8))
        }
    }

    @Test func envelopeCarriesTheClientAlongside() throws {
        let client = try Fixture.decode(Client.self, "client.json")
        let wrapped = ClientResponse(response: DeletedObject(object: "passkey", id: "pk_1"), client: client)
        let decoded = try FAPIJSON.decode(
            ClientResponse<DeletedObject>.self, from: FAPIJSON.encode(wrapped))
        #expect(decoded == wrapped)
    }

    @Test func unknownEnumValuesDecodeAndReencodeUnchanged() throws {
        var json = try jsonTree(Fixture.data("client.json"))
        guard case .object(var client) = json, case .array(var sessions) = client["sessions"],
            case .object(var first) = sessions[0]
        else { Issue.record("fixture shape"); return }
        first["status"] = "quarantined"
        first["tasks"] = [["key": "accept-terms"]]
        sessions[0] = .object(first)
        client["sessions"] = .array(sessions)
        json = .object(client)

        let decoded = try FAPIJSON.decode(Client.self, from: JSONEncoder().encode(json))
        #expect(decoded.sessions[0].status == SessionStatus(rawValue: "quarantined"))
        #expect(decoded.sessions[0].status != .active)
        #expect(decoded.sessions[0].tasks?.first?.key.rawValue == "accept-terms")
        #expect(try jsonTree(FAPIJSON.encode(decoded)) == json)
    }

    @Test func unknownStrategiesAndStatusesSurvive() throws {
        let json = #"{"status":"pending_review","strategy":"oauth_custom_acme","attempts":null,"expire_at":null}"#
        let verification = try FAPIJSON.decode(Verification.self, from: Data(json.utf8))
        #expect(verification.status.rawValue == "pending_review")
        #expect(verification.strategy.isOAuth)
        #expect(try jsonTree(FAPIJSON.encode(verification)) == jsonTree(json))
    }

    @Test(arguments: [
        ("client.json", "updated_at"), ("client.json", "sessions"), ("client.json", "id"),
        ("user.json", "image_url"), ("user.json", "email_addresses"), ("user.json", "totp_enabled"),
        ("sign_up_missing_requirements.json", "verifications"),
        ("sign_up_missing_requirements.json", "missing_fields"),
        ("sign_up_missing_requirements.json", "abandon_at"),
        ("sign_in_needs_first_factor.json", "status"),
        ("totp.json", "verified"),
    ])
    func missingRequiredFieldFails(fixture: String, key: String) throws {
        guard case .object(var object) = try jsonTree(Fixture.data(fixture)) else {
            Issue.record("fixture is not an object")
            return
        }
        #expect(object.removeValue(forKey: key) != nil)
        let data = try JSONEncoder().encode(JSONValue.object(object))
        #expect(throws: DecodingError.self) {
            switch fixture {
            case "client.json": _ = try FAPIJSON.decode(Client.self, from: data)
            case "user.json": _ = try FAPIJSON.decode(User.self, from: data)
            case "sign_up_missing_requirements.json": _ = try FAPIJSON.decode(SignUp.self, from: data)
            case "sign_in_needs_first_factor.json": _ = try FAPIJSON.decode(SignIn.self, from: data)
            default: _ = try FAPIJSON.decode(TOTP.self, from: data)
            }
        }
    }

    @Test func sessionWithoutExpiryFails() throws {
        let json = #"{"id":"sess_1","status":"active","abandon_at":1,"last_active_at":1,"created_at":1,"updated_at":1}"#
        #expect(throws: DecodingError.self) { try FAPIJSON.decode(Session.self, from: Data(json.utf8)) }
    }

    @Test func secretsStayOutOfDescriptions() {
        let totp = TOTP(id: "totp_1", secret: "JBSWY3DPEHPK3PXP", verified: false, backupCodes: ["abcd1234"],
                        createdAt: Self.epoch, updatedAt: Self.epoch)
        #expect(!String(describing: totp).contains("JBSWY3DPEHPK3PXP"))
        let codes = BackupCode(id: "bc_1", codes: ["abcd1234"], createdAt: Self.epoch, updatedAt: Self.epoch)
        #expect(!String(describing: codes).contains("abcd1234"))
        #expect(!String(describing: Token(jwt: "aaa.bbb.ccc")).contains("bbb"))
    }
}
