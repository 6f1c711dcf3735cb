import Foundation
import Logging
import SQLKit

/// Everything one running instance needs: settings, store, clock, secrets and the services built on them.
final class FrontendInstance: Sendable {
    let settings: InstanceSettings
    let database: Database
    let clock: any ServerClock
    let secrets: InstanceSecrets
    let passwords: PasswordHasher
    let passwordPolicy: PasswordPolicy
    /// Issues and checks organization invitation tickets.
    let tickets: TicketSigner
    let logger: Logger
    /// The `iss` of session tokens: this server's base URL.
    let issuer: String
    /// Where uploaded profile images and organization logos live.
    let images: ImageStore
    /// When this process started serving (on a shared store: when the schema was created): the timestamps of roles
    /// and permissions, which live in the settings.
    let startedAt: Date
    /// The organization features of the custom permissions (`invoices` of `org:invoices:create`): v2 tokens list them
    /// in `fea` and map the member's permissions onto them in `o.fpm`.
    let organizationFeatures: [String]
    /// Recently minted session tokens, reused in client payloads.
    let tokenCache: SessionTokenCache
    /// Token requests' session lookups of the last second (see `RecentRows`).
    let recentTokenRequests: RecentRows<TokenRequestKey, MintableSession>
    /// Token requests' organization claims of the last second (see `OrganizationSelection.tokenClaim`).
    let recentOrganizationClaims: RecentRows<OrganizationClaimKey, OrganizationClaim?>
    /// `GET /v1/client` bodies of the last second (see `ClientEndpoints.get`).
    let recentClients: RecentRows<RenderedClientKey, RenderedClient>
    /// Billing's catalog, checkout locks and token-request cache.
    let billing: BillingRuntime
    /// Where sessions' addresses are (their activity's city and country), when a database is configured.
    let geoIP: GeoIPDatabase?

    init(settings: InstanceSettings, database: Database, clock: any ServerClock, secrets: InstanceSecrets,
         logger: Logger, issuer: String, dataDirectory: URL, geoIP: GeoIPDatabase? = nil, since: Date? = nil) {
        self.settings = settings
        self.database = database
        self.clock = clock
        self.secrets = secrets
        self.passwords = PasswordHasher(pepper: secrets.pepper, cost: settings.password.hashCost)
        self.passwordPolicy = PasswordPolicy(settings: settings.password)
        self.tickets = TicketSigner(pepper: secrets.pepper)
        self.logger = logger
        self.issuer = issuer
        images = ImageStore(dataDirectory: dataDirectory, database: database)
        tokenCache = SessionTokenCache(tokenLifetime: settings.sessions.tokenLifetime)
        startedAt = since ?? Date(epochMilliseconds: clock.now().epochMilliseconds)
        organizationFeatures = OrganizationClaims.features(of: settings.organizations.customPermissions)
        // A node of a shared store cannot see other nodes' writes coming (`Database.generation` counts its own), so
        // it reuses no row: a client's next request may reach another node and must see what this one wrote.
        let reuse: Int64 = database.isShared ? 0 : 1000
        recentTokenRequests = RecentRows(maxAge: reuse)
        recentOrganizationClaims = RecentRows(maxAge: reuse)
        recentClients = RecentRows(maxAge: reuse, capacity: 1024)
        billing = BillingRuntime(settings: settings.billing, reuse: reuse)
        self.geoIP = geoIP
    }

    var nowMS: Int64 { clock.now().epochMilliseconds }
    /// The key that signs session tokens now (on a new instance's first start, once it has been generated).
    var signer: SessionTokenSigner { get throws { try secrets.signingKeys.signer(at: nowMS) } }
    var lockout: Lockout { Lockout(settings: settings.lockout) }
    var rateLimiter: RateLimiter { RateLimiter(settings: settings.rateLimits, database: database, clock: clock) }
    var codes: CodeVerifications { CodeVerifications(instance: self) }

    /// Refuses with `user_locked` (and the time left) while the user is locked out: a locked account gets no codes.
    func ensureUnlocked(userID: String?, in db: any SQLDatabase) async throws {
        guard let userID, let user = try await UserRecord.find(userID, in: db) else { return }
        try lockout.ensureUnlocked(user, now: nowMS)
    }

    /// Runs a write transaction whose body may end in a rejection that must still be committed (failed-attempt
    /// counters, a verification marked failed), then thrown.
    func writeCommitting<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Outcome<T>) async throws -> T {
        switch try await database.write(body) {
        case .success(let value): return value
        case .rejected(let failure): throw failure
        }
    }
}

/// The result of a transaction that commits either way.
enum Outcome<T: Sendable>: Sendable {
    case success(T)
    case rejected(APIFailure)
}

extension APIFailure: @unchecked Sendable {}
