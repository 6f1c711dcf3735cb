import Foundation
import PackagePlugin

/// What `clerk-tui --version` prints besides the version: the commit the binary was built from. Before each build,
/// `git` in the package's checkout names it (with `-dirty` for uncommitted changes, `unknown` outside a checkout), and
/// a one-constant Swift file in the plugin's work directory carries it. The file is rewritten only when the commit
/// changes, so an unchanged checkout rebuilds nothing.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = #"""
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
            if [ "$commit" != unknown ] && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
              commit="$commit-dirty"
            fi
            mkdir -p "$2"
            printf '/// Generated at build time by the BuildInfo plugin.\nenum BuildInfo {\n    static let commit = "%s"\n}\n' \
              "$commit" > "$2/BuildInfo.swift.new"
            if cmp -s "$2/BuildInfo.swift.new" "$2/BuildInfo.swift"; then rm "$2/BuildInfo.swift.new"
            else mv "$2/BuildInfo.swift.new" "$2/BuildInfo.swift"; fi
            """#
        return [
            .prebuildCommand(
                displayName: "Naming the commit", executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "build-info", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output)
        ]
    }
}
