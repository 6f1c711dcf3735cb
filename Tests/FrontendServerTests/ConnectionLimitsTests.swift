import Logging
import Testing

@testable import FrontendServer

/// The connection caps: a share per remote address, and the host's own loopback clients held only by the total.
@Suite struct ConnectionLimitsTests {
    static func limits(total: Int, perAddress: Int) -> ConnectionLimits {
        var settings = ConnectionSettings()
        settings.maxConnections = total
        settings.maxConnectionsPerAddress = perAddress
        return ConnectionLimits(settings, descriptorLimit: 100_000, logger: Logger(label: "test"))
    }

    @Test func oneRemoteAddressGetsItsShareAndNoMore() {
        let limits = Self.limits(total: 8, perAddress: 2)
        #expect(limits.admit("192.0.2.1") && limits.admit("192.0.2.1"))
        #expect(!limits.admit("192.0.2.1"))
        #expect(limits.admit("127.0.0.2") && limits.admit("127.0.0.2"))
        #expect(!limits.admit("127.0.0.2"), "127/8 beyond the host's own address keeps a share")
        #expect(limits.admit("198.51.100.7"))
        limits.release("192.0.2.1")
        #expect(limits.admit("192.0.2.1"))
    }

    @Test func theHostsOwnLoopbackClientsAreHeldByTheTotalOnly() {
        // An SSH front door's sessions all reach its embedded instance from 127.0.0.1.
        let limits = Self.limits(total: 8, perAddress: 2)
        for _ in 0..<7 { #expect(limits.admit("127.0.0.1")) }
        #expect(limits.admit("::1"))
        #expect(!limits.admit("127.0.0.1"))
        #expect(!limits.admit("192.0.2.1"), "the total is reached")
        limits.release("127.0.0.1")
        #expect(limits.admit("192.0.2.1"))
    }
}
