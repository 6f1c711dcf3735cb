import Foundation
import SQLKit

/// The provider side of social sign-in on this server: it holds no Google or GitHub credentials and works offline,
/// so each enabled provider is played by this page. It asks which account to continue with (the email address and
/// name the provider would return), then redirects to `/v1/oauth_callback` with a one-time `code`, as a provider
/// does. "Cancel" answers `error=access_denied`.
struct DevelopmentOAuthProvider: Sendable {
    static let authorizePath = "/v1/dev_oauth/authorize"
    /// Where the portal sends the browser in the end, on this server: "return to your terminal".
    static let donePath = "/v1/dev_oauth/done"

    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }

    /// `GET /v1/dev_oauth/authorize?state=…`: the account form.
    func form() async throws -> Page {
        let flow = try await pendingFlow(exchange.call.query.string("state"))
        let provider = SocialProviderCatalog.name(of: flow.provider) ?? flow.provider
        let app = Page.escape(instance.settings.applicationName)
        return .html(.ok, title: "Continue to \(instance.settings.applicationName) with \(provider)", body: """
            <p>This is \(app)'s development stand-in for \(Page.escape(provider)): no \(Page.escape(provider)) account is \
            used. Enter the account \(Page.escape(provider)) would return.</p>
            <form method="post" action="\(Self.authorizePath)">
            <input type="hidden" name="state" value="\(Page.escape(flow.id))">
            <label for="email_address">Email address</label>
            <input id="email_address" name="email_address" type="email" required autofocus>
            <label for="first_name">First name</label><input id="first_name" name="first_name">
            <label for="last_name">Last name</label><input id="last_name" name="last_name">
            <button name="decision" value="allow" type="submit">Continue</button>
            <button name="decision" value="deny" type="submit" formnovalidate>Cancel</button>
            </form>
            """)
    }

    /// `POST /v1/dev_oauth/authorize`: the account chosen (or access denied), handed to the callback.
    func submit() async throws -> Page {
        let form = exchange.call.form
        let flow = try await pendingFlow(form.string("state"))
        let callback = instance.issuer + OAuthCallback.path + "?state=" + flow.id
        if form.string("decision") == "deny" { return .redirect(callback + "&error=access_denied") }
        guard let email = form.nonEmpty("email_address").flatMap(Identifiers.normalizedEmail) else {
            throw APIFailure.paramInvalid("email_address", "Enter a valid email address.")
        }
        let code = RandomToken.secret()
        try await instance.database.write { db in
            guard var current = try await OAuthFlowRecord.find(flow.id, in: db), current.isOpen(at: instance.nowMS) else {
                throw OAuthCallback.expired
            }
            current.codeDigest = instance.secrets.digest(code)
            current.emailAddress = email
            current.providerUserId = providerUserID(provider: flow.provider, email: email)
            current.firstName = form.nonEmpty("first_name").map { String($0.prefix(256)) }
            current.lastName = form.nonEmpty("last_name").map { String($0.prefix(256)) }
            current.updatedAt = instance.nowMS
            try await current.save(in: db)
        }
        return .redirect(callback + "&code=" + code)
    }

    /// `GET /v1/dev_oauth/done`: where the browser ends when the portal runs on this server.
    static func done(applicationName: String) -> Page {
        .html(.ok, title: "You're all set", body: "<p>Return to your terminal to continue to \(Page.escape(applicationName)).</p>"
              + "<p>You can close this tab.</p>")
    }

    /// The same account id for the same address, as a provider keeps one id per account.
    private func providerUserID(provider: String, email: String) -> String {
        String(instance.secrets.digest("dev_oauth:\(provider):\(email)").prefix(21))
    }

    private func pendingFlow(_ state: String?) async throws -> OAuthFlowRecord {
        guard let state, !state.isEmpty else { throw APIFailure.paramMissing("state") }
        return try await instance.database.read { db in
            guard let flow = try await OAuthFlowRecord.find(state, in: db), flow.isOpen(at: instance.nowMS) else {
                throw OAuthCallback.expired
            }
            return flow
        }
    }
}
