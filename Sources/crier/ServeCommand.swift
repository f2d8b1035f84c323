import ArgumentParser
import Daemon

/// `crier serve`: serve an output folder's feeds over HTTP, without building.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the built feeds over HTTP (use `crier watch --serve` to rebuild as well).",
        discussion: "Only the feed files in the output folder are served; everything else is 404."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "HOST:PORT to listen on.")
    var address: ListenAddress = .defaultValue

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let daemon = ServeDaemon(
            source: site.sourceURL, output: site.outputURL, configFile: site.configURL, address: address,
            logger: logging.makeLogger(label: "crier.serve"))
        try await reportingErrors { try await daemon.runService() }
    }
}
