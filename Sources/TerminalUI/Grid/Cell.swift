/// One terminal cell. A wide character occupies its own cell (width 2) and a continuation cell
/// (width 0, empty symbol) to its right.
public struct Cell: Hashable, Sendable {
    var storedSymbol: Symbol
    /// Columns the symbol takes: 1, 2, or 0 for a continuation.
    public var width: UInt8
    public var style: Style

    public init(symbol: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.init(Symbol(symbol), width: width, style: style)
    }

    init(_ symbol: Symbol, width: UInt8, style: Style) {
        storedSymbol = symbol
        self.width = width
        self.style = style
    }

    /// The grapheme drawn here ("" for a continuation cell).
    public var symbol: String {
        get { storedSymbol.string }
        set { storedSymbol = Symbol(newValue) }
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}
