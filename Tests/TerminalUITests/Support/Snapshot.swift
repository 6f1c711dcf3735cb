import Foundation
import Testing

/// Compares `text` with `Snapshots/<name>.txt`. A missing golden is written and the test fails
/// (review it, then rerun); `SNAPSHOT_RECORD=1` rewrites goldens and passes.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt").path
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let golden = try? String(contentsOfFile: path, encoding: .utf8) else {
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        if !recording { Issue.record("recorded new snapshot \(name); review and rerun", sourceLocation: sourceLocation) }
        return
    }
    guard golden != text else { return }
    let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
    let actual = text.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(expected.count, actual.count)
    let line = { (lines: [Substring], index: Int) in index < lines.count ? String(lines[index]) : "<missing>" }
    Issue.record("""
        snapshot \(name) differs at line \(firstDifference + 1)
        expected: \(line(expected, firstDifference))
        actual:   \(line(actual, firstDifference))
        (SNAPSHOT_RECORD=1 to accept)
        """, sourceLocation: sourceLocation)
}
