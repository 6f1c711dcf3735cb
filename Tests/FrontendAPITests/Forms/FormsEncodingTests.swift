import Foundation
import Testing
@testable import FrontendAPI

/// Client-side bodies must be byte-identical to what clerk-ios sends (its `URLEncodedFormEncoder`: keys in
/// snake_case and alphabetised, booleans as 1/0, spaces as %20, nested values as JSON strings).
@Suite struct FormsEncodingTests {
    @Test func pairsAreAlphabetisedAndEscaped() {
        let body: FormFields = ["strategy": "password", "identifier": "a b+c@example.com", "password": "p&ss=w%rd"]
        #expect(body.encodedString == "identifier=a%20b%2Bc%40example.com&password=p%26ss%3Dw%25rd&strategy=password")
    }

    @Test func booleansAreNumeric() {
        let body: FormFields = ["sign_out_of_other_sessions": true, "reserved_for_second_factor": false]
        #expect(body.encodedString == "reserved_for_second_factor=0&sign_out_of_other_sessions=1")
    }

    @Test func nilValuesAreDropped() {
        let missing: String? = nil
        let body = FormFields(["code": "123456", "strategy": missing.map(FormValue.string)])
        #expect(body.encodedString == "code=123456")
        var edited = body
        edited["code"] = nil
        #expect(edited.isEmpty && edited.encodedString == "")
    }

    @Test func emptyStringIsKept() {
        // `organization_id=` selects the personal account; it must not be dropped.
        let body: FormFields = ["organization_id": ""]
        #expect(body.encodedString == "organization_id=")
    }

    @Test func stringArraysRepeatTheKeyWithoutBrackets() {
        let body: FormFields = ["z": "last", "additional_scope": ["email", "profile"], "a": "first"]
        #expect(body.encodedString == "a=first&additional_scope=email&additional_scope=profile&z=last")
    }

    @Test func objectsAreJSONStrings() {
        let body: FormFields = ["unsafe_metadata": .json(["a": 1, "b": ["x y"]]), "legal_accepted": true]
        #expect(body.encodedString
            == "legal_accepted=1&unsafe_metadata=%7B%22a%22%3A1%2C%22b%22%3A%5B%22x%20y%22%5D%7D")
    }

    @Test func unreservedSlashAndQuestionMarkStayLiteral() {
        let body: FormFields = ["redirect_url": "clerk-tui://callback?x=1~y_z.w", "name": "Zoë"]
        #expect(body.encodedString == "name=Zo%C3%AB&redirect_url=clerk-tui%3A//callback?x%3D1~y_z.w")
    }

    @Test func integersAreDecimal() {
        let body: FormFields = ["limit": 20, "offset": 0]
        #expect(body.encodedString == "limit=20&offset=0")
        #expect(body.encodedData == Data("limit=20&offset=0".utf8))
    }

    struct SignUpParams: Encodable {
        var emailAddress: String
        var password: String?
        var firstName: String?
        var legalAccepted: Bool
        var redirectURL: String?
        var unsafeMetadata: JSONObject?
        var scopes: [String]
    }

    @Test func encoderConvertsPropertyNamesLikeClerkIOS() throws {
        let params = SignUpParams(
            emailAddress: "a@b.co", password: "hunter 2", firstName: nil, legalAccepted: true,
            redirectURL: "app://cb", unsafeMetadata: ["camelKey": "kept"], scopes: ["a"])
        let fields = try FormEncoder().encode(params)
        #expect(fields.encodedString
            == "email_address=a%40b.co&legal_accepted=1&password=hunter%202&redirect_url=app%3A//cb"
            + "&scopes=a&unsafe_metadata=%7B%22camelKey%22%3A%22kept%22%7D")
    }

    @Test(arguments: [
        ("emailAddress", "email_address"), ("redirectURL", "redirect_url"), ("myURLProperty", "my_url_property"),
        ("code", "code"), ("totp2fa", "totp2fa"), ("phoneNumberID", "phone_number_id"),
    ])
    func snakeCaseConversion(input: String, expected: String) {
        #expect(FormEncoder.snakeCase(input) == expected)
    }

    @Test func encoderRejectsNonObjects() {
        #expect(throws: EncodingError.self) { try FormEncoder().encode(["a", "b"]) }
    }
}
