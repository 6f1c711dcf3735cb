import Testing

@testable import Portal

@Suite struct RequestTrackerTests {
    enum Purpose: Equatable, Sendable { case load, poll }
    typealias Effect = FlowEffect<Bool>

    @Test func anAnswerIsTakenOnceAndNumberedInTheScope() {
        var tracker = RequestTracker<Purpose>(scope: 7)
        let effect: Effect = tracker.send(.loadClient, .load)
        guard case .call(let id, .loadClient) = effect else { Issue.record("not a call: \(effect)"); return }
        #expect(id.scope == 7)
        #expect(tracker.contains(.load) && !tracker.contains(.poll))
        #expect(tracker.answered(id)?.purpose == .load)
        #expect(tracker.answered(id) == nil)
        #expect(tracker.isEmpty)
    }

    @Test func aForgottenCallsAnswerIsDropped() {
        var tracker = RequestTracker<Purpose>(scope: 1)
        let poll: Effect = tracker.send(.loadEnvironment, .poll)
        let load: Effect = tracker.send(.loadClient, .load)
        tracker.forget { $0 == .poll }
        #expect([poll].requestID().map { tracker.answered($0) } == .some(nil))
        #expect([load].requestID().map { tracker.answered($0)?.purpose } == .load)
    }

    @Test func tryAgainResendsTheUnavailableCallOnceUnderANewID() throws {
        var tracker = RequestTracker<Purpose>(scope: 1)
        let first: Effect = tracker.send(.loadClient, .load)
        tracker.unavailable = [first].requestID().flatMap { tracker.answered($0) }
        let retried: Effect? = tracker.retry()
        let again = try #require(retried)
        #expect([again].requestID() != nil && [again].requestID() != [first].requestID())
        #expect(tracker.unavailable == nil)
        let twice: Effect? = tracker.retry()
        #expect(twice == nil)
    }
}
