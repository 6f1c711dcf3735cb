import Foundation

// `EmbedTextTool <input.txt> <output.swift>`, run by the EmbedText build plugin.
//
// Writes `enum <Name> { static let text = "…" }`, `<Name>` being the input's file name in UpperCamelCase
// (`common-passwords.txt` → `CommonPasswords`) and `text` its lines joined by "\n", without the comment lines that
// open the file (each starts with "# ") and without a final newline. The constant is one raw string literal, which
// compiles fast however long it is.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("EmbedTextTool: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail("usage: EmbedTextTool <input.txt> <output.swift>") }
let input = URL(fileURLWithPath: arguments[1]), output = URL(fileURLWithPath: arguments[2])
guard let data = FileManager.default.contents(atPath: input.path), let contents = String(data: data, encoding: .utf8) else {
    fail("cannot read \(input.path) as UTF-8")
}
guard !contents.contains("\r") else { fail("\(input.lastPathComponent) has CR line endings") }

var lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
if lines.last == "" { lines.removeLast() }
let text = lines.drop { $0.hasPrefix("# ") }.joined(separator: "\n")

let words = input.deletingPathExtension().lastPathComponent.split { !$0.isLetter && !$0.isNumber }
let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
guard let first = name.first, first.isLetter, name.allSatisfy({ $0.isASCII }) else {
    fail("\(input.lastPathComponent) does not name a Swift type")
}

// A raw string literal ends at `"""` followed by its hashes and escapes with `\` followed by them: use enough hashes
// that neither occurs in the text.
var hashes = "#"
while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }

let source = """
    // Generated at build time by the EmbedText plugin from \(input.lastPathComponent): edit that file instead.

    /// The lines of `\(input.lastPathComponent)`, joined by "\\n".
    enum \(name) {
        static let text = \(hashes)\"\"\"
    \(text)
    \"\"\"\(hashes)
    }

    """
do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    fail("cannot write \(output.path): \(error)")
}
