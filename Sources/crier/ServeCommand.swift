import ArgumentParser
import Daemon
import Foundation
import Logging
import Pipeline

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
        let logger = logging.makeLogger(label: "crier.serve")
        try await reportingErrors {
            let site = try Site(
                source: self.site.sourceURL, output: self.site.outputURL,
                configFile: self.site.configURL, statePath: self.site.stateURL, logger: logger
            )
            let server = FeedServer(
                outputDirectory: site.outputDirectory,
                configuration: FeedServerConfiguration(
                    host: address.host, port: address.port, siteTitle: await site.title(),
                    feeds: await site.publishedFeeds(), hubs: await site.hubs()
                ),
                logger: logger
            )
            try await runUntilSignalled([server], logger: logger)
        }
    }
}
