import Foundation
import FrontendAPI
import Hummingbird
import Logging
import Testing
@testable import FrontendServer

@Suite("Choosing the store, and what its failures become")
struct StoreTests {
    @Test func aPostgresURLNamesTheSharedStoreAndNothingKeepsSQLite() throws {
        let directory = URL(fileURLWithPath: "/tmp/fapi-data")
        #expect(try DatabaseLocation.resolve(url: nil, dataDirectory: directory) == .sqlite(path: "/tmp/fapi-data/fapi.sqlite"))
        #expect(try DatabaseLocation.resolve(url: "", dataDirectory: directory) == .sqlite(path: "/tmp/fapi-data/fapi.sqlite"))
        #expect(try DatabaseLocation.resolve(url: "postgres://clerk@db/clerk", dataDirectory: directory)
                == .postgres(url: "postgres://clerk@db/clerk"))
        #expect(try DatabaseLocation.resolve(url: "postgresql://clerk@db/clerk", dataDirectory: directory)
                == .postgres(url: "postgresql://clerk@db/clerk"))
        #expect(throws: DatabaseFailure.self) { try DatabaseLocation.resolve(url: "mysql://db/clerk", dataDirectory: directory) }
    }

    @Test func theSettingsFileNamesTheDatabase() throws {
        #expect(try SettingsFile.parse("[database]\nurl = \"postgres://clerk@db/clerk\"").databaseURL == "postgres://clerk@db/clerk")
        #expect(try SettingsFile.parse("").databaseURL == nil)
    }

    @Test func aTakenIdentifierOrSlugIsClerksErrorOnItsParameter() {
        let email = UniqueViolation(table: "identifications", constraint: "identifications_kind_value_key",
                                    detail: "Key (kind, value)=(email_address, ada@example.com) already exists.")
        #expect(email.failure.error.code == "form_identifier_exists")
        #expect(email.failure.error.meta?.paramName == "email_address")
        #expect(email.description.contains("ada@example.com") == false, "the values never reach a log line")
        let phone = UniqueViolation(table: "identifications", constraint: "identifications_kind_value_key",
                                    detail: "Key (kind, value)=(phone_number, +15555550100) already exists.")
        #expect(phone.failure.error.meta?.paramName == "phone_number")
        let slug = UniqueViolation(table: "organizations", constraint: "organizations_slug_key", detail: "")
        #expect(slug.failure.error.meta?.paramName == "slug")
        let username = UniqueViolation(table: "users", constraint: "users_username_key", detail: "")
        #expect(username.failure.error.meta?.paramName == "username")
        let other = UniqueViolation(table: "passkeys", constraint: "passkeys_credential_id_key", detail: "")
        #expect(other.failure.status == .conflict)
    }

    @Test func retriesBackOffWithJitterWithinABound() {
        for attempt in 1...20 {
            let pause = PostgresStore.backoff(attempt: attempt)
            #expect(pause >= .milliseconds(1) && pause <= .milliseconds(250))
        }
    }

    @Test func aLostDatabaseAnswers503WithRetryAfter() throws {
        let response = Gateway.errorResponse(DatabaseUnavailable(reason: "test"), logger: Logger(label: "test"))
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers[.retryAfter] == "5")
    }

    @Test func leasesAreHeldOnceUntilGivenBackOrExpired() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fapi-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await Database.open(path: directory.appendingPathComponent("fapi.sqlite").path, readers: 1,
                                               logger: Logger(label: "test"))
        let leases = Leases(database: database)
        #expect(try await leases.acquire("job", now: 1_000, ttl: 500))
        #expect(try await !leases.acquire("job", now: 1_200, ttl: 500), "held")
        #expect(try await leases.acquire("other", now: 1_200, ttl: 500), "another name is free")
        #expect(try await leases.acquire("job", now: 1_500, ttl: 500), "expired")
        try await leases.release("job")
        #expect(try await leases.acquire("job", now: 1_600, ttl: 500), "given back")
        await database.close()
    }
}
