import ArgumentParser
import Foundation
import Validation

/// `crier validate`: checks any RSS 2.0, Atom 1.0 or JSON Feed document with the rules the builder uses.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate RSS 2.0, Atom 1.0 or JSON Feed files.",
        discussion: """
            Prints one line per finding: `error|warning RULE line:col message`, prefixed by the file name when \
            more than one file is given. Rules are named after the W3C Feed Validation Service's messages. \
            Exit status 1 when any file has an error.
            """
    )

    @Argument(help: "Feed files to check; - reads standard input.", completion: .file())
    var files: [String] = ["-"]

    @Flag(help: "Exit with status 1 on warnings as well as errors.")
    var strict = false

    func run() throws {
        var failed = false
        for file in files {
            let prefix = files.count > 1 ? "\(file): " : ""
            let report: ValidationReport
            if file == "-" {
                report = FeedValidator.validate(bytes: Array(FileHandle.standardInput.readDataToEndOfFile()))
            } else if FileManager.default.isReadableFile(atPath: file) {
                // From the file, so a large feed is checked an entry at a time rather than held in memory.
                report = FeedValidator.validate(fileAtPath: file)
            } else {
                printError("\(file): cannot read the file")
                failed = true
                continue
            }
            for finding in report.findings {
                print(prefix + finding.description)
            }
            if report.hasErrors || (strict && !report.findings.isEmpty) { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
