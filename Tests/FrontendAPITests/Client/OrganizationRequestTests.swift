import Foundation
import Testing
@testable import FrontendAPI

/// What the organization calls put on the wire, read back by a real loopback peer: the query clerk-ios sends (paging,
/// repeated statuses), repeated form keys, and the multipart logo.
@Suite("Organization requests")
struct OrganizationRequestTests {
    static let emptyPage = #"{"response":{"data":[],"total_count":0},"client":null}"#

    func client(_ peer: ScriptedPeer) -> FrontendClient {
        FrontendClient(instance: .local(baseURL: peer.baseURL), tokenStore: MemoryTokenStore(token: "token"))
    }

    @Test func listsAskForAPageWithTheirStatuses() async throws {
        let peer = try ScriptedPeer { _ in .json(200, Self.emptyPage) }
        defer { peer.stop() }
        let client = client(peer)
        _ = try await client.organizationMemberships(offset: 10, limit: 10, sessionID: "sess_1")
        _ = try await client.organizationInvitations(sessionID: "sess_1")
        let page = try await client.organizationSuggestions(sessionID: "sess_1")
        #expect(page.totalCount == 0)
        #expect(peer.requests.map(\.target) == [
            "/v1/me/organization_memberships?offset=10&limit=10&paginated=true&_clerk_session_id=sess_1&_is_native=true",
            "/v1/me/organization_invitations?offset=0&limit=20&status=pending&_clerk_session_id=sess_1&_is_native=true",
            "/v1/me/organization_suggestions?offset=0&limit=20&status=pending&status=accepted&_clerk_session_id=sess_1&_is_native=true",
        ])
    }

    @Test func bulkInvitationsRepeatTheAddressKey() async throws {
        let peer = try ScriptedPeer { _ in .json(200, #"{"response":[],"client":null}"#) }
        defer { peer.stop() }
        let invitations = try await client(peer).inviteOrganizationMembers(
            "org_1", emailAddresses: ["a@b.co", "c@d.co"], role: "org:member", sessionID: "sess_1")
        #expect(invitations.isEmpty)
        let request = try #require(peer.requests.first)
        #expect(request.target == "/v1/organizations/org_1/invitations/bulk?_clerk_session_id=sess_1&_is_native=true")
        #expect(String(decoding: request.body, as: UTF8.self) == "email_address=a%40b.co&email_address=c%40d.co&role=org%3Amember")
    }

    @Test func theLogoIsAMultipartFileUploadedWithPut() async throws {
        let organization = #"{"response":{"object":"organization","id":"org_1","name":"Acme","slug":"acme","image_url":"","has_image":true,"max_allowed_memberships":5,"admin_delete_enabled":true,"public_metadata":{},"created_at":1,"updated_at":1},"client":null}"#
        let peer = try ScriptedPeer { _ in .json(200, organization) }
        defer { peer.stop() }
        let updated = try await client(peer).updateOrganizationLogo(
            "org_1", image: Data([0x89, 0x50, 0x4E, 0x47]), contentType: "image/png", sessionID: "sess_1")
        #expect(updated.hasImage)
        let request = try #require(peer.requests.first)
        #expect(request.method == "PUT" && request.target.hasPrefix("/v1/organizations/org_1/logo?"))
        #expect(request.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.contains(#"name="file"; filename="logo""#) && body.contains("Content-Type: image/png"))
    }
}
