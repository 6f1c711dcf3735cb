extension FrontendClient {
    /// `GET /v1/client`: the device's current client, or nil when it has none. Applied to ``state``.
    @discardableResult
    public func refreshClient() async throws -> Client? {
        try await send(Endpoint<Client?>(.get, "/v1/client", envelope: .client))
    }

    /// `POST /v1/client`: creates a client for this device (the token arrives in `Authorization`).
    @discardableResult
    public func createClient() async throws -> Client? {
        try await send(Endpoint<Client?>(.post, "/v1/client", envelope: .client))
    }

    /// `PUT /v1/client`: creates or replaces the device's client.
    @discardableResult
    public func replaceClient() async throws -> Client? {
        try await send(Endpoint<Client?>(.put, "/v1/client", envelope: .client))
    }

    /// `DELETE /v1/client`: ends every session and destroys the client.
    @discardableResult
    public func destroyClient() async throws -> Client? {
        try await send(Endpoint<Client?>(.delete, "/v1/client", envelope: .client))
    }
}

extension FrontendClient {
    /// `GET /v1/environment`: the instance's configuration (bare, not wrapped); kept for the next start.
    public func environment() async throws -> Environment {
        let environment = try await send(Endpoint<Environment>(.get, "/v1/environment", envelope: .bare))
        cache(environment)
        return environment
    }

    /// `PATCH /v1/environment`: updates the instance's development-browser origin. Browser-only in
    /// practice (it requires `Origin`); kept for completeness of the Environment tag.
    public func updateEnvironment(origin: String) async throws -> Environment {
        try await send(Endpoint<Environment>(.patch, "/v1/environment", body: ["origin": .string(origin)], envelope: .bare))
    }
}

extension FrontendClient {
    /// `GET /.well-known/jwks.json`: the keys session JWTs are signed with.
    public func jwks() async throws -> JSONValue {
        try await wellKnown("jwks.json")
    }

    /// `GET /.well-known/openid-configuration`.
    public func openIDConfiguration() async throws -> JSONValue {
        try await wellKnown("openid-configuration")
    }

    /// `GET /.well-known/oauth-authorization-server`.
    public func oauthAuthorizationServerMetadata() async throws -> JSONValue {
        try await wellKnown("oauth-authorization-server")
    }

    /// `GET /.well-known/apple-app-site-association`.
    public func appleAppSiteAssociation() async throws -> JSONValue {
        try await wellKnown("apple-app-site-association")
    }

    /// `GET /.well-known/assetlinks.json`.
    public func androidAssetLinks() async throws -> JSONValue {
        try await wellKnown("assetlinks.json")
    }

    private func wellKnown(_ name: String) async throws -> JSONValue {
        try await send(Endpoint<JSONValue>(.get, "/.well-known/" + name, envelope: .bare))
    }
}
