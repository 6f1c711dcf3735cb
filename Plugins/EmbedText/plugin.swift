import Foundation
import PackagePlugin

/// Data is not source: each `.txt` file of a target that uses this plugin becomes, at build time, a Swift file in the
/// plugin's work directory with one string constant (see `EmbedTextTool`). The text is compiled into the binary, so
/// nothing is looked up at run time and no resource bundle ships beside the executable.
@main
struct EmbedText: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let tool = try context.tool(named: "EmbedTextTool")
        return target.sourceFiles.filter { $0.url.pathExtension == "txt" }.map { file in
            let output = context.pluginWorkDirectoryURL
                .appending(path: file.url.deletingPathExtension().lastPathComponent + ".swift")
            return .buildCommand(displayName: "Embedding \(file.url.lastPathComponent)", executable: tool.url,
                                 arguments: [file.url.path, output.path], inputFiles: [file.url], outputFiles: [output])
        }
    }
}
