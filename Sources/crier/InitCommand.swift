import ArgumentParser
import Foundation
import Ingest

/// `crier init`: writes a commented example `crier.yml`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented example crier.yml into a folder."
    )

    @Argument(help: "The folder to write crier.yml into.", completion: .directory)
    var folder: String = "."

    @Flag(help: "Replace an existing crier.yml.")
    var force = false

    func run() throws {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("crier.yml")
        if FileManager.default.fileExists(atPath: url.path) && !force {
            printError("\(url.path) already exists; use --force to replace it")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(SiteConfig.exampleYAML.utf8).write(to: url, options: .atomic)
        } catch {
            printError("\(url.path): cannot write: \(error.localizedDescription)")
            throw ExitCode(3)
        }
        print("wrote \(url.path)")
    }
}
