import Foundation
import FrontendAPI
import SQLKit

/// Social sign-in through the browser, for native clients that cannot catch the redirect (clerk-ios
/// `SignIn.authenticateWithRedirect`, clerk-expo `useSSO`; spec: `createSignIn`, `getOauthCallback`, `getSignIn`).
///
/// `POST /v1/client/sign_ins strategy=oauth_<p>&redirect_url=…` starts a flow whose `state` is its id; the
/// sign-in's `first_factor_verification` carries the provider URL. The provider answers `GET|POST
/// /v1/oauth_callback?state&code` in the browser, which signs the user in (or leaves the profile `transferable` for a
/// sign-up) and sends the browser on to `redirect_url` with a `rotating_token_nonce`. The client, polling its
/// sign-in, collects its rotated token on the first read after that (the nonce, when it has it, must match).
struct OAuthSignIns: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    /// How long the browser round trip may take.
    static let lifetime: Int64 = 10 * 60 * 1000

    /// The enabled provider of an `oauth_<p>` strategy, or the error Clerk gives for any other.
    static func provider(ofStrategy strategy: Strategy, settings: InstanceSettings) throws(APIFailure) -> String {
        guard let provider = SocialProviderCatalog.provider(ofStrategy: strategy.rawValue), settings.socialProviders.contains(provider)
        else { throw APIFailure.paramInvalid("strategy", "\(strategy) is not a supported strategy on this instance.") }
        return provider
    }

    /// The provider page the browser opens for `flow`.
    static func authorizeURL(_ flow: OAuthFlowRecord, issuer: String) -> String {
        issuer + DevelopmentOAuthProvider.authorizePath + "?state=" + flow.id
    }

    /// `POST /v1/client/sign_ins` with an OAuth strategy: a sign-in waiting for the browser.
    func create(strategy: Strategy) async throws -> Reply {
        let provider = try Self.provider(ofStrategy: strategy, settings: instance.settings)
        let redirectURL = try Self.redirectURL(exchange.call.form)
        let (signInID, token): (String, String?) = try await instance.database.write { db in
            try await Sessions(instance: instance).ensureCanSignIn(client: try await exchange.client(in: db), userID: nil, in: db)
            var (client, token) = try await exchange.ensureClient(in: db)
            let signIn = try await SignIns.open(on: &client, identifier: nil, userID: nil, identificationID: nil,
                                                instance: instance, in: db)
            try await start(signIn, provider: provider, redirectURL: redirectURL, in: db)
            return (signIn.id, token)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: token)
    }

    /// `POST …/prepare_first_factor strategy=oauth_<p>` (clerk-ios sends it after create): a fresh round trip.
    func prepare(signInID: String, strategy: Strategy) async throws -> Reply {
        let provider = try Self.provider(ofStrategy: strategy, settings: instance.settings)
        let redirectURL = try Self.redirectURL(exchange.call.form)
        try await instance.database.write { db in
            let (signIn, _) = try await SignIns.load(signInID, exchange: exchange, in: db)
            guard signIn.status == .needsIdentifier || signIn.status == .needsFirstFactor else {
                throw APIFailure.strategyInvalid()
            }
            try await start(signIn, provider: provider, redirectURL: redirectURL, in: db)
        }
        return try await SignIns(exchange: exchange).render(signInID: signInID, issuedToken: nil)
    }

    private func start(_ signIn: SignInRecord, provider: String, redirectURL: String, in db: any SQLDatabase) async throws {
        try await db.delete(from: OAuthFlowRecord.table).where("owner_id", .equal, signIn.id).run()
        let now = instance.nowMS
        try await OAuthFlowRecord(
            id: RandomToken.base62(24), ownerId: signIn.id, clientId: signIn.clientId, provider: provider,
            redirectUrl: redirectURL, status: .unverified, expireAt: now + Self.lifetime, createdAt: now, updatedAt: now
        ).insert(in: db)
    }

    static func redirectURL(_ form: FormBody) throws(APIFailure) -> String {
        let value = try form.required("redirect_url")
        guard let url = URL(string: value), let scheme = url.scheme, !scheme.isEmpty else {
            throw APIFailure.paramInvalid("redirect_url", "redirect_url must be an absolute URL.")
        }
        return value
    }

    /// The round trip of a sign-in, if any. Flows start only while a provider is enabled: without one, every
    /// sign-in read and render is spared the query.
    static func flow(of signInID: String, instance: FrontendInstance, in db: any SQLDatabase) async throws -> OAuthFlowRecord? {
        guard !instance.settings.socialProviders.isEmpty else { return nil }
        return try await OAuthFlowRecord.first(in: db, where: "owner_id", equals: signInID)
    }

    /// On reading a sign-in the provider completed: the client's rotated token, once. A `rotating_token_nonce` that
    /// does not match is refused, so a leaked redirect cannot be replayed by another client.
    func collectToken(signInID: String, nonce: String?) async throws -> String? {
        // Most reads of a sign-in owe no token: find out without taking the write lock.
        let owed = try await instance.database.read { db in try await Self.flow(of: signInID, instance: instance, in: db)?.nonceDigest != nil }
        guard owed else { return nil }
        return try await instance.database.write { db in
            guard var flow = try await Self.flow(of: signInID, instance: instance, in: db), let digest = flow.nonceDigest,
                  var client = try await exchange.client(in: db), client.id == flow.clientId else { return nil }
            if let nonce, !ConstantTime.equals(instance.secrets.digest(nonce), digest) {
                throw APIFailure.paramInvalid("rotating_token_nonce", "The rotating token nonce is invalid.")
            }
            flow.nonceDigest = nil
            flow.updatedAt = instance.nowMS
            try await flow.save(in: db)
            let token = exchange.rotateToken(&client)
            try await client.save(in: db)
            return token
        }
    }
}

extension SignUpRecord {
    /// The social sign-in this sign-up continues, if it was transferred from one.
    func oauthFlow(in db: any SQLDatabase) async throws -> OAuthFlowRecord? {
        guard let oauthFlowId else { return nil }
        return try await OAuthFlowRecord.find(oauthFlowId, in: db)
    }
}
