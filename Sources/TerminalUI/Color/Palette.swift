/// The standard xterm palette, used only to pick the nearest entry: the user's own palette is
/// never redefined (no `init_color`).
enum Palette {
    /// The 16 ANSI colours as xterm ships them, by name for theme files.
    static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    static let ansi: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// Entries 16-255: the 6x6x6 cube and the grey ramp. These are fixed in practice, unlike 0-15.
    static let extended: [RGB] = {
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        var colors: [RGB] = []
        for r in steps { for g in steps { for b in steps { colors.append(RGB(r, g, b)) } } }
        for i in 0..<24 { let v = UInt8(8 + 10 * i); colors.append(RGB(v, v, v)) }
        return colors
    }()

    /// The nearest of the first `count` ANSI colours (8 or 16).
    static func nearestANSI(to color: RGB, count: Int) -> UInt8 {
        UInt8(nearest(to: color, in: ansi.prefix(count)))
    }

    /// The nearest entry in 16-255.
    static func nearest256(to color: RGB) -> UInt8 {
        UInt8(16 + nearest(to: color, in: extended[...]))
    }

    private static func nearest(to color: RGB, in candidates: ArraySlice<RGB>) -> Int {
        var best = 0, bestDistance = Int.max
        for (offset, candidate) in candidates.enumerated() {
            let distance = color.distance(to: candidate)
            if distance < bestDistance { best = offset; bestDistance = distance }
        }
        return best
    }
}
