public import Foundation
public import Logging
public import Pipeline

extension FeedServer {
    /// The server for a site's published feeds, as `crier serve` and `crier watch --serve` run it: the one
    /// place their servers are made, so the two cannot drift apart.
    /// - Parameters:
    ///   - publication: the site's title, feeds and hubs.
    ///   - outputDirectory: the folder the feeds are published in.
    ///   - address: where to listen.
    ///   - logger: where server errors go.
    public convenience init(
        serving publication: SitePublication, from outputDirectory: URL, at address: ListenAddress,
        logger: Logger
    ) {
        self.init(
            outputDirectory: outputDirectory,
            configuration: FeedServerConfiguration(
                host: address.host, port: address.port, siteTitle: publication.title,
                feeds: publication.feeds, hubs: publication.hubs, catalogue: publication.catalogue),
            logger: logger)
    }
}
