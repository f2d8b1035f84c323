import ArgumentParser
import Logging

/// `--log-level`, shared by the subcommands that log.
struct LoggingOptions: ParsableArguments {
    @Option(
        help: "Log level: trace, debug, info, notice, warning, error or critical.",
        transform: { text in
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw ValidationError("--log-level: expected trace, debug, info, notice, warning, error or critical, found '\(text)'")
            }
            return level
        }
    )
    var logLevel: Logger.Level = .info

    /// Sends log lines to standard error at the chosen level and returns the command's logger.
    func makeLogger(label: String) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .trace
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}
