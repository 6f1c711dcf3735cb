import Foundation
import Testing
@testable import FrontendAPI

@Suite("Observable client state")
struct ClientStateTests {
    static func client(_ id: String, active: String?) -> Client {
        Client(id: id, lastActiveSessionID: active, createdAt: Date(fapiMilliseconds: 1), updatedAt: Date(fapiMilliseconds: 2))
    }

    @Test func everyWatcherGetsTheCurrentClientThenEachChangeOnce() async {
        let state = ClientState()
        var first = await state.updates().makeAsyncIterator()
        #expect(await first.next() == .some(nil))
        await state.apply(Self.client("client_1", active: "sess_1"))
        var second = await state.updates().makeAsyncIterator()
        #expect(await second.next()??.id == "client_1")
        await state.apply(Self.client("client_1", active: "sess_1"))  // unchanged: not re-sent
        await state.apply(nil)
        #expect(await first.next()??.lastActiveSessionID == "sess_1")
        #expect(await first.next() == .some(nil))
        #expect(await second.next() == .some(nil))
        #expect(await state.client == nil)
    }
}
