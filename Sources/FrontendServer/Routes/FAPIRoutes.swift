import Foundation
import FrontendAPI
import Hummingbird
import NIOFoundationCompat

/// The FAPI route table: one group per resource, each handler a thin call into a service.
struct FAPIRoutes {
    let instance: FrontendInstance
    let gateway: Gateway

    func build() -> Router<FAPIRequestContext> {
        let router = Router(context: FAPIRequestContext.self)
        // Each costs every request something; neither runs when nothing would read what it records.
        if MetricsEndpoint.isCollecting { router.add(middleware: MetricsMiddleware()) }
        if instance.logger.logLevel <= .info { router.add(middleware: AccessLogMiddleware(logger: instance.logger)) }
        wellKnown(router)
        client(router.group("v1/client"))
        signIns(router.group("v1/client/sign_ins"))
        signUps(router.group("v1/client/sign_ups"))
        sessions(router.group("v1/client/sessions"))
        me(router.group("v1/me"))
        identifications(router.group("v1/me/email_addresses"), kind: .emailAddress)
        identifications(router.group("v1/me/phone_numbers"), kind: .phoneNumber)
        meOrganizations(router.group("v1/me"))
        organizations(router.group("v1/organizations"))
        invitationLinks(router)
        waysIn(router)
        oauth(router)
        billing(router)
        return router
    }

    private func wellKnown(_ router: Router<FAPIRequestContext>) {
        // Settings are fixed for the life of the process, so the environment is built and encoded once, not per request.
        let environment = Result {
            ByteBuffer(data: try FAPIJSON.encode(
                EnvironmentPresenter(settings: instance.settings, instanceID: instance.secrets.instanceID).environment()))
        }
        router.get("v1/environment") { request, context in
            try await gateway.serve(request, context) { _ in Reply(body: try environment.get()) }
        }
        router.get("v1/images/:name") { request, context in
            do {
                let (data, type) = try await ProfileImages.read(try context.parameters.require("name"), instance: instance)
                var headers = HTTPFields()
                headers[.contentType] = type
                headers[.cacheControl] = "public, max-age=3600"
                headers[.init("X-Content-Type-Options")!] = "nosniff"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
            } catch {
                return Gateway.errorResponse(error, logger: instance.logger)
            }
        }
        router.get("v1/health") { request, context in
            if let problem = await instance.database.probe() {
                instance.logger.error("health check failed: database unreachable", metadata: ["reason": "\(problem)"])
                return Self.unhealthy
            }
            return try await gateway.serve(request, context) { exchange in try exchange.bare(["status": "healthy"]) }
        }
        router.get(".well-known/jwks.json") { request, context in
            try await gateway.serve(request, context) { exchange in try exchange.bare(try instance.secrets.signingKeys.jwks(at: instance.nowMS)) }
        }
        router.get(".well-known/openid-configuration") { request, context in
            try await gateway.serve(request, context) { exchange in
                try exchange.bare(OpenIDConfiguration(issuer: instance.issuer))
            }
        }
    }

    private func client(_ group: RouterGroup<FAPIRequestContext>) {
        group.get { request, context in try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).get() } }
        group.post { request, context in try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).create() } }
        group.put { request, context in try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).create() } }
        group.delete { request, context in try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).delete() } }
        group.delete("sessions") { request, context in
            try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).endAllSessions() }
        }
    }

    private func signIns(_ group: RouterGroup<FAPIRequestContext>) {
        group.post { request, context in try await gateway.serve(request, context) { try await SignIns(exchange: $0).create() } }
        group.get(":id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await SignIns(exchange: $0).get(id) }
        }
        group.post(":id/prepare_first_factor") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { exchange in
                try await FirstFactor(exchange: exchange).prepare(signInID: id, strategy: try exchange.call.form.required("strategy", as: Strategy.self))
            }
        }
        group.post(":id/attempt_first_factor") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await FirstFactor(exchange: $0).attempt(signInID: id) }
        }
        group.post(":id/prepare_second_factor") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await SecondFactor(exchange: $0).prepare(signInID: id) }
        }
        group.post(":id/attempt_second_factor") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await SecondFactor(exchange: $0).attempt(signInID: id) }
        }
        group.post(":id/reset_password") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await FirstFactor(exchange: $0).resetPassword(signInID: id) }
        }
    }

    private func signUps(_ group: RouterGroup<FAPIRequestContext>) {
        group.post { request, context in try await gateway.serve(request, context) { try await SignUps(exchange: $0).create() } }
        group.get(":id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await SignUps(exchange: $0).get(id) }
        }
        group.patch(":id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await SignUps(exchange: $0).update(id) }
        }
        group.post(":id/prepare_verification") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await SignUps(exchange: $0).prepareVerification(id) }
        }
        group.post(":id/attempt_verification") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await SignUps(exchange: $0).attemptVerification(id) }
        }
    }

    private func sessions(_ group: RouterGroup<FAPIRequestContext>) {
        group.get(":id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).getSession(id) }
        }
        group.post(":id/touch") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).touch(id) }
        }
        group.post(":id/end") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).finish(id, status: .ended) }
        }
        group.post(":id/remove") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).finish(id, status: .removed) }
        }
        group.post(":id/tokens") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).token(id, template: nil) }
        }
        group.post(":id/tokens/:template") { request, context in
            let id = try context.parameters.require("id"), template = try context.parameters.require("template")
            return try await gateway.serve(request, context) { try await ClientEndpoints(exchange: $0).token(id, template: template) }
        }
        reverification(group)
    }

    private func reverification(_ group: RouterGroup<FAPIRequestContext>) {
        let steps: [(String, @Sendable (SessionReverification, String) async throws -> Reply)] = [
            (":id/verify", { try await $0.start($1) }),
            (":id/verify/prepare_first_factor", { try await $0.prepareFirstFactor($1) }),
            (":id/verify/attempt_first_factor", { try await $0.attemptFirstFactor($1) }),
            (":id/verify/prepare_second_factor", { try await $0.prepareSecondFactor($1) }),
            (":id/verify/attempt_second_factor", { try await $0.attemptSecondFactor($1) }),
        ]
        for (path, step) in steps {
            group.post(RouterPath(path)) { request, context in
                let id = try context.parameters.require("id")
                return try await gateway.serve(request, context) { try await step(SessionReverification(exchange: $0), id) }
            }
        }
    }

    /// `/v1/me/email_addresses` and `/v1/me/phone_numbers`: the same routes over either kind.
    private func identifications(_ group: RouterGroup<FAPIRequestContext>, kind: IdentificationKind) {
        let handle: @Sendable (Request, FAPIRequestContext, @escaping @Sendable (MeIdentifications, String) async throws -> Reply)
            async throws -> Response = { request, context, body in
                let id = context.parameters.get("id") ?? ""
                return try await gateway.serve(request, context) { try await body(MeIdentifications(exchange: $0, kind: kind), id) }
            }
        group.get { try await handle($0, $1) { items, _ in try await items.list() } }
        group.post { try await handle($0, $1) { items, _ in try await items.create() } }
        group.get(":id") { try await handle($0, $1) { try await $0.get($1) } }
        group.patch(":id") { try await handle($0, $1) { try await $0.update($1) } }
        group.delete(":id") { try await handle($0, $1) { try await $0.delete($1) } }
        group.post(":id/prepare_verification") { try await handle($0, $1) { try await $0.prepareVerification($1) } }
        group.post(":id/attempt_verification") { try await handle($0, $1) { try await $0.attemptVerification($1) } }
    }

    private func me(_ group: RouterGroup<FAPIRequestContext>) {
        group.get { request, context in try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).get() } }
        group.patch { request, context in try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).update() } }
        group.delete { request, context in try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).delete() } }
        group.post("totp") { request, context in try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).createTOTP() } }
        group.delete("totp") { request, context in try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).deleteTOTP() } }
        group.post("totp/attempt_verification") { request, context in
            try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).verifyTOTP() }
        }
        group.post("change_password") { request, context in
            try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).changePassword() }
        }
        group.post("remove_password") { request, context in
            try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).removePassword() }
        }
        group.patch("metadata") { request, context in
            try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).patchMetadata() }
        }
        group.post("profile_image") { request, context in
            try await gateway.serve(request, context, rawBodyLimit: ProfileImages.maxBytes + 64 * 1024) {
                try await ProfileImages(exchange: $0).upload()
            }
        }
        group.delete("profile_image") { request, context in
            try await gateway.serve(request, context) { try await ProfileImages(exchange: $0).delete() }
        }
        group.post("passkeys") { request, context in
            try await gateway.serve(request, context) { try await PasskeyRegistration(exchange: $0).create() }
        }
        group.post("passkeys/:id/attempt_verification") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await PasskeyRegistration(exchange: $0).attemptVerification(id) }
        }
        group.get("passkeys/:id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await MePasskeys(exchange: $0).get(id) }
        }
        group.patch("passkeys/:id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await MePasskeys(exchange: $0).rename(id) }
        }
        group.delete("passkeys/:id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await MePasskeys(exchange: $0).delete(id) }
        }
        group.post("backup_codes") { request, context in
            try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).createBackupCodes() }
        }
        group.get("sessions") { request, context in
            try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).sessions(activeOnly: false) }
        }
        group.get("sessions/active") { request, context in
            try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).sessions(activeOnly: true) }
        }
        group.post("sessions/:id/revoke") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await MeEndpoints(exchange: $0).revokeSession(id) }
        }
        group.post("external_accounts") { request, context in
            try await gateway.serve(request, context) { try await MeExternalAccounts(exchange: $0).create() }
        }
        group.patch("external_accounts/:id/reauthorize") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await MeExternalAccounts(exchange: $0).reauthorize(id) }
        }
        group.delete("external_accounts/:id") { request, context in
            let id = try context.parameters.require("id")
            return try await gateway.serve(request, context) { try await MeExternalAccounts(exchange: $0).delete(id) }
        }
    }

    /// The browser side of social sign-in: the provider's callback, and the development provider's pages.
    private func oauth(_ router: Router<FAPIRequestContext>) {
        router.get("v1/oauth_callback") { request, context in
            await gateway.page(request, context) { try await OAuthCallback(exchange: $0).handle() }
        }
        router.post("v1/oauth_callback") { request, context in
            await gateway.page(request, context) { try await OAuthCallback(exchange: $0).handle() }
        }
        router.get("v1/dev_oauth/authorize") { request, context in
            await gateway.page(request, context) { try await DevelopmentOAuthProvider(exchange: $0).form() }
        }
        router.post("v1/dev_oauth/authorize") { request, context in
            await gateway.page(request, context) { try await DevelopmentOAuthProvider(exchange: $0).submit() }
        }
        router.get(RouterPath(DevelopmentOAuthProvider.donePath)) { _, _ in
            DevelopmentOAuthProvider.done(applicationName: instance.settings.applicationName).response
        }
    }
}

/// The minimal OpenID discovery document this instance can honestly publish.
/// `/.well-known/openid-configuration` in the shape the spec requires (`WellKnown.OpenIDConfiguration`).
/// The OAuth endpoints sit at Clerk's paths; they answer once the OAuth2/OIDC identity provider lands,
/// while `jwks_uri` and the signing algorithm already serve session-token verifiers today.
struct OpenIDConfiguration: Encodable {
    let issuer: String

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint", tokenEndpoint = "token_endpoint"
        case revocationEndpoint = "revocation_endpoint", introspectionEndpoint = "introspection_endpoint"
        case userinfoEndpoint = "userinfo_endpoint", jwksURI = "jwks_uri"
        case scopesSupported = "scopes_supported", responseTypesSupported = "response_types_supported"
        case responseModesSupported = "response_modes_supported", grantTypesSupported = "grant_types_supported"
        case subjectTypesSupported = "subject_types_supported"
        case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case claimsSupported = "claims_supported", codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case backchannelLogoutSupported = "backchannel_logout_supported"
        case frontchannelLogoutSupported = "frontchannel_logout_supported"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(issuer + "/oauth/authorize", forKey: .authorizationEndpoint)
        try c.encode(issuer + "/oauth/token", forKey: .tokenEndpoint)
        try c.encode(issuer + "/oauth/token/revoke", forKey: .revocationEndpoint)
        try c.encode(issuer + "/oauth/token_info", forKey: .introspectionEndpoint)
        try c.encode(issuer + "/oauth/userinfo", forKey: .userinfoEndpoint)
        try c.encode(issuer + "/.well-known/jwks.json", forKey: .jwksURI)
        try c.encode(["openid", "profile", "email", "public_metadata", "private_metadata"], forKey: .scopesSupported)
        try c.encode(["code"], forKey: .responseTypesSupported)
        try c.encode(["query", "form_post"], forKey: .responseModesSupported)
        try c.encode(["authorization_code", "refresh_token"], forKey: .grantTypesSupported)
        try c.encode(["public"], forKey: .subjectTypesSupported)
        try c.encode(["RS256"], forKey: .idTokenSigningAlgValuesSupported)
        try c.encode(["client_secret_basic", "client_secret_post", "none"], forKey: .tokenEndpointAuthMethodsSupported)
        try c.encode(
            ["sub", "iss", "aud", "exp", "iat", "nonce", "name", "given_name", "family_name", "picture", "email",
             "email_verified", "public_metadata", "private_metadata"],
            forKey: .claimsSupported)
        try c.encode(["S256"], forKey: .codeChallengeMethodsSupported)
        try c.encode(false, forKey: .backchannelLogoutSupported)
        try c.encode(false, forKey: .frontchannelLogoutSupported)
    }
}

extension FAPIRoutes {
    /// `/v1/health` while the store cannot be reached: 503 with the spec's body, and when to ask again.
    static var unhealthy: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        headers[.retryAfter] = "5"
        let body = Data(#"{"message":"The database is unreachable.","status":"unhealthy"}"#.utf8)
        return Response(status: .serviceUnavailable, headers: headers, body: .init(byteBuffer: ByteBuffer(data: body)))
    }
}
