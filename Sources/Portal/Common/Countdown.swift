/// One second off a countdown shown on a card (a rate limit, a lockout): nil once it has run out, and then the
/// cancellation of its once-a-second timer.
func countDown<Outcome>(_ seconds: inout Int?, timer: TimerID) -> [FlowEffect<Outcome>] {
    let left = (seconds ?? 0) - 1
    seconds = left > 0 ? left : nil
    return left > 0 ? [] : [.cancelTimer(timer)]
}
