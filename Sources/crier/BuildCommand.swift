import ArgumentParser
import Foundation
import Pipeline

/// `crier build`: ingest every article, build and validate the feeds, write them atomically.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the feeds of a folder of articles once.",
        discussion: "Bad article files are skipped with one line each; the others are published."
    )

    @Argument(help: "The folder of articles (with crier.yml).", completion: .directory)
    var source: String = "."

    @Option(name: .shortAndLong, help: "Where to write the feeds (default: SOURCE/public).", completion: .directory)
    var output: String?

    @Option(help: "The configuration file (default: SOURCE/crier.yml).", completion: .file())
    var config: String?

    @Option(help: "The state database (default: SOURCE/.crier/state.sqlite).", completion: .file())
    var state: String?

    @Flag(help: "Fail, writing nothing, if any article file is skipped.")
    var strict = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger(label: "crier.build")
        let sourceURL = URL(fileURLWithPath: source)
        let outputURL = URL(fileURLWithPath: output ?? sourceURL.appendingPathComponent("public").path)
        do {
            let lock = try OutputLock.acquire(outputDirectory: outputURL)
            defer { lock.release() }
            let site = try Site(
                source: sourceURL,
                output: outputURL,
                configFile: config.map { URL(fileURLWithPath: $0) },
                statePath: state.map { URL(fileURLWithPath: $0) },
                logger: logger
            )
            let report = try await site.buildAll(strict: strict)
            for issue in report.issues { printError("skipped \(issue)") }
            for issue in report.leftOut { printError("left out \(issue)") }
            for warning in report.warnings { printError("warning \(warning)") }
            print(report.summary)
        } catch {
            printError("error: \(error)")
            throw ExitCode(error.exitCode)
        }
    }
}
