import ArgumentParser
import FeedBuilder
import Foundation
import Pipeline
import Platform

/// `crier build`: ingest every article, build and validate the feeds, write them atomically.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the feeds of a folder of articles once.",
        discussion: "An article file that fails, or is left out, gets one line each; the others are published."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Fail, writing nothing, if any article file fails.")
    var strict = false

    @Flag(
        help: ArgumentHelp(
            "Print the <link rel=\"alternate\"> lines of every feed for a page template (the summary then goes to standard error).")
    )
    var printLinks = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger(label: "crier.build")
        try await reportingErrors {
            let lock = try Site.lockOutput(self.site.outputURL)
            defer { lock.release() }
            let site = try Site(
                source: self.site.sourceURL,
                output: self.site.outputURL,
                configFile: self.site.configURL,
                statePath: self.site.stateURL,
                logger: logger
            )
            let bar = ProgressBar()
            let report: BuildReport
            do throws(PipelineError) {
                report = try await site.buildAll(strict: strict) { done, total in bar.update(done: done, total: total) }
                bar.finish()
            } catch {
                bar.finish()
                throw error
            }
            let links = printLinks ? FeedCatalogue.links(await site.publication().catalogue) : nil
            // Everything is written and the report is all that is left: the process ends here, without taking the
            // site's entries and the publisher's memory apart object by object (`ProcessEnd.now`).
            withExtendedLifetime((site, lock)) {
                for issue in report.failed { printError("failed \(issue)") }
                for issue in report.leftOut { printError("left out \(issue)") }
                for warning in report.warnings { printError("warning \(warning)") }
                if let links {
                    print(links, terminator: "")
                    printError(report.summary)
                } else {
                    print(report.summary)
                }
                ProcessEnd.now(status: 0)
            }
        }
    }
}
