import Testing
@testable import TerminalUI

@Suite struct GeometryTests {
    @Test func splitServesFixedPartsThenSharesTheRest() {
        let parts = Rect(x: 0, y: 0, width: 80, height: 1).split(.horizontal, [.length(10), .fill(1), .fill(3), .percentage(25)], spacing: 1)
        #expect(parts.map(\.width) == [10, 11, 36, 20])  // 47 columns left after gaps: 47/4 and the rest
        #expect(parts.map(\.x) == [0, 11, 23, 60])
    }

    @Test func splitNeverExceedsTheWhole() {
        let parts = Rect(x: 2, y: 3, width: 10, height: 5).split(.vertical, [.length(4), .length(4), .length(4)])
        #expect(parts.map(\.height) == [4, 1, 0])
        #expect(parts.map(\.y) == [3, 7, 8])
    }

    @Test func centredInsetAndTaking() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        #expect(area.centered(Size(width: 40, height: 10)) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(area.centered(Size(width: 100, height: 30)) == area)
        #expect(area.inset(by: Padding(top: 1, right: 2, bottom: 3, left: 4)) == Rect(x: 4, y: 1, width: 74, height: 20))
        let (top, rest) = area.takingTop(3)
        #expect(top.height == 3 && rest.y == 3 && rest.height == 21)
        let (body, bottom) = area.takingBottom(30)
        #expect(body.height == 0 && bottom == area)
        #expect(area.row(30).isEmpty)
    }
}
