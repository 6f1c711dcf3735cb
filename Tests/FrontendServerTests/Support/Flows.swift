import Foundation
import Testing
@testable import FrontendServer

/// Multi-step flows shared by the endpoint tests.
enum Flows {
    static let password = "quiet-meadow-river-42"

    /// The last code the outbox holds for `recipient`.
    static func lastCode(_ server: TestServer, to recipient: String) async throws -> String {
        let messages = try await Outbox.messages(dataDirectory: server.directory, limit: 50)
        return try #require(messages.last { $0.recipient == recipient }?.code)
    }

    /// Signs up `email` with a password and the emailed code; returns the session id.
    @discardableResult
    static func signUp(_ client: NativeClient, server: TestServer, email: String, password: String = password) async throws -> String {
        let created = try await client.send("POST", "/v1/client/sign_ups", form: [("email_address", email), ("password", password)])
        try #require(created.status == 200, "sign-up create: \(String(decoding: created.data, as: UTF8.self))")
        let id = try #require(created.response["id"] as? String)
        let prepared = try await client.send("POST", "/v1/client/sign_ups/\(id)/prepare_verification", form: [("strategy", "email_code")])
        try #require(prepared.status == 200)
        let code = email.contains("+clerk_test") ? "424242" : try await lastCode(server, to: email)
        let attempted = try await client.send("POST", "/v1/client/sign_ups/\(id)/attempt_verification",
                                              form: [("strategy", "email_code"), ("code", code)])
        try #require(attempted.status == 200, "attempt: \(String(decoding: attempted.data, as: UTF8.self))")
        #expect(attempted.response["status"] as? String == "complete")
        return try #require(attempted.response["created_session_id"] as? String)
    }

    /// One-shot password sign-in; returns the reply.
    static func signIn(_ client: NativeClient, identifier: String, password: String = password) async throws -> HTTPReply {
        try await client.send("POST", "/v1/client/sign_ins", form: [("identifier", identifier), ("password", password)])
    }
}
