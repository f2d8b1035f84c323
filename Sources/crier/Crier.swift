import ArgumentParser
import FeedBuilder

/// The `crier` command: publishes a folder of articles as RSS, Atom and JSON Feed.
@main
struct Crier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crier",
        abstract: "Publish a folder of articles as RSS 2.0, Atom 1.0 and JSON Feed 1.1.",
        discussion: """
            Exit status: 0 success; 1 the feeds failed validation or --strict found failed files (nothing was \
            written); 2 configuration error; 3 the source or output folder cannot be used (or another crier holds \
            the output lock); 64 wrong command-line usage.
            """,
        version: FeedGenerator.crier.version,
        subcommands: [BuildCommand.self, WatchCommand.self, ServeCommand.self, ValidateCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
