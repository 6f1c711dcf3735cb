#if canImport(Glibc)
import Glibc
#endif

/// The accessible front end: each `Question` becomes a plain prompt on a line, answers are read
/// as lines, mistakes are explained and asked again. No colour, no cursor movement.
public struct PlainPrompter<Source: LineSource> {
    private var source: Source
    private let write: (String) -> Void

    public init(source: Source, write: @escaping (String) -> Void) {
        self.source = source
        self.write = write
    }

    /// Prints a line of information.
    public func say(_ text: String) {
        write(text + "\n")
    }

    /// Asks until the answer is acceptable. Throws `PromptError.endOfInput` when input ends.
    public mutating func ask(_ question: Question) throws(PromptError) -> Answer {
        while true {
            switch question.kind {
            case .text, .secret:
                let isSecret = question.kind == .secret
                write(question.prompt + ": ")
                let line = try next(echo: !isSecret)
                if let problem = question.validate?(line) {
                    say("✕ " + problem)
                    continue
                }
                return isSecret ? .secret(line) : .text(line)
            case .code(let length):
                write(question.prompt + ": ")
                let digits = try next(echo: true).filter { $0 != " " && $0 != "-" }
                guard digits.count == length, digits.allSatisfy({ ("0"..."9").contains($0) }) else {
                    say("✕ Enter the \(length)-digit code.")
                    continue
                }
                return .code(digits)
            case .choice(let options):
                say(question.prompt)
                for (index, option) in options.enumerated() { say("  \(index + 1)) \(option)") }
                write("Choose 1-\(options.count): ")
                let line = try next(echo: true).trimmingSpaces
                if let number = Int(line), options.indices.contains(number - 1) { return .choice(number - 1) }
                if let index = options.firstIndex(where: { $0.lowercased() == line.lowercased() }) { return .choice(index) }
                say("✕ Enter a number from 1 to \(options.count).")
            case .confirm(let defaultValue):
                write(question.prompt + (defaultValue ? " [Y/n]: " : " [y/N]: "))
                switch try next(echo: true).trimmingSpaces.lowercased() {
                case "": return .confirm(defaultValue)
                case "y", "yes": return .confirm(true)
                case "n", "no": return .confirm(false)
                default: say("✕ Answer y or n.")
                }
            }
        }
    }

    private mutating func next(echo: Bool) throws(PromptError) -> String {
        guard let line = source.readLine(echo: echo) else { throw .endOfInput }
        return line
    }
}

extension PlainPrompter where Source == StandardInput {
    /// Prompts on stdin/stdout.
    public init() {
        self.init(source: StandardInput(), write: writeStandardOutput)
    }
}

/// Unbuffered, so a prompt shows before the read that waits for its answer.
func writeStandardOutput(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}

/// Why a plain prompt could not get an answer.
public enum PromptError: Error, Equatable {
    case endOfInput
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
