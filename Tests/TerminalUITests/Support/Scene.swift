@testable import TerminalUI

/// A titled frame with widget states stacked inside, each under a one-line caption. Used to
/// snapshot every widget in several states at once.
struct Scene {
    struct State {
        var caption: String
        var height: Int
        var draw: (inout Buffer, Rect) -> Void
    }

    var title: String
    var states: [State]

    init(_ title: String, _ states: [State]) {
        self.title = title
        self.states = states
    }

    func render(size: Size) -> Buffer {
        var buffer = Buffer(size: size)
        var rest = Border(title: title).render(into: &buffer, area: buffer.area).inset(by: .horizontal(1))
        for state in states {
            let (caption, afterCaption) = rest.takingTop(1)
            buffer.write(state.caption, in: caption, style: .fg(.muted, .italic))
            let (area, afterArea) = afterCaption.takingTop(state.height)
            state.draw(&buffer, area)
            rest = afterArea
        }
        return buffer
    }
}

extension Scene.State {
    init(_ caption: String, height: Int = 1, draw: @escaping (inout Buffer, Rect) -> Void) {
        self.init(caption: caption, height: height, draw: draw)
    }
}

let snapshotSizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]
