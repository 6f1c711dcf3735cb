import Foundation
import Testing
@testable import FrontendAPI

/// Every fixture decodes into its model and encodes back to exactly the same JSON tree: no key lost, none
/// added, every `null` kept. Since the fixtures satisfy the spec schemas, this also pins the encoders to them.
@Suite struct ModelsFixtureRoundTripTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        let roundTrip: @Sendable (Data) throws -> Data
        var testDescription: String { fixture }

        init<T: Codable>(_ fixture: String, _ type: T.Type) {
            self.fixture = fixture
            roundTrip = { try FAPIJSON.encode(FAPIJSON.decode(T.self, from: $0)) }
        }
    }

    static let cases: [Case] = [
        Case("client.json", Client.self),
        Case("user.json", User.self),
        Case("sign_in_needs_first_factor.json", SignIn.self),
        Case("sign_in_needs_second_factor.json", SignIn.self),
        Case("sign_up_missing_requirements.json", SignUp.self),
        Case("active_sessions.json", [Session].self),
        Case("environment.json", Environment.self),
        Case("error_identifier_signed_in.json", ClerkErrorResponse.self),
        Case("totp.json", TOTP.self),
        Case("backup_codes.json", BackupCode.self),
        Case("deleted_object.json", DeletedObject.self),
        Case("organization_invitation.json", OrganizationInvitation.self),
        Case("organization_domain.json", OrganizationDomain.self),
        Case("organization_suggestion.json", OrganizationSuggestion.self),
        Case("organization_membership_requests.json", PaginatedList<OrganizationMembershipRequest>.self),
        Case("roles.json", PaginatedList<Role>.self),
        Case("session_reverification.json", SessionVerification.self),
    ]

    @Test(arguments: cases)
    func reencodesToTheSameJSON(_ testCase: Case) throws {
        let original = try Fixture.data(testCase.fixture)
        let reencoded = try testCase.roundTrip(original)
        #expect(try jsonTree(reencoded) == jsonTree(original))
    }

    @Test func decodedValuesSurviveASecondRoundTrip() throws {
        let client = try Fixture.decode(Client.self, "client.json")
        let again = try FAPIJSON.decode(Client.self, from: FAPIJSON.encode(client))
        #expect(again == client)
    }
}
