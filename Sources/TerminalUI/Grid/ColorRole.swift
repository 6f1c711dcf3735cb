/// A colour by meaning. Widgets paint roles; a `Theme` turns them into terminal colours.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    case primary, text, muted, danger, success, warning, background, input, border, focus
}
