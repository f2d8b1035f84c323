import ArgumentParser
import FeedModel
import Foundation
import Validation

/// `crier validate`: checks any RSS, Atom or JSON Feed document the way the W3C Feed Validation Service
/// does, with the rules the builder uses.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate RSS, Atom or JSON Feed files.",
        discussion: """
            Text output: one line per finding, `error|warning RULE line:col message`, prefixed by the file name \
            when more than one file is given, followed by an indented line on how to fix it. Rules carry the W3C \
            Feed Validation Service's names, severities, lines and columns (column = characters before the tag). \
            JSON output (--format json): one JSON object per line and finding, with file, rule, severity, line, \
            column, message, hint and url (the rule's documentation). Exit status 1 when any file has an error.
            """
    )

    /// How findings are printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Feed files to check; - reads standard input.", completion: .file())
    var files: [String] = ["-"]

    @Flag(help: "Exit with status 1 on warnings as well as errors.")
    var strict = false

    @Option(help: "Output format: text for people, json for tools (one object per line).")
    var format: OutputFormat = .text

    @Option(
        help: ArgumentHelp(
            "The URL the feed is published at: relative links resolve against it and rel=\"self\" "
                + "should name it. Default: the feed's own rel=\"self\" link.", valueName: "url"))
    var url: String?

    func run() throws {
        var failed = false
        // The service compares dates with the current time (ImplausibleDate for the future); so does `validate`.
        let options = ValidationOptions(documentURI: url, now: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        for file in files {
            let report: ValidationReport
            if file == "-" {
                report = FeedValidator.validate(bytes: Array(FileHandle.standardInput.readDataToEndOfFile()), options: options)
            } else if FileManager.default.isReadableFile(atPath: file) {
                // From the file, so a large feed is read a piece at a time rather than held in memory.
                report = FeedValidator.validate(fileAtPath: file, options: options)
            } else {
                printError("\(file): cannot read the file")
                failed = true
                continue
            }
            for finding in report.findings {
                switch format {
                case .text: print(Self.text(finding, file: files.count > 1 ? file : nil))
                case .json: print(Self.json(finding, file: file))
                }
            }
            if report.hasErrors || (strict && !report.findings.isEmpty) { failed = true }
        }
        if failed { throw ExitCode(1) }
    }

    /// `error RULE line:col message` and, indented below it, how to fix it.
    static func text(_ finding: Finding, file: String?) -> String {
        let line = (file.map { "\($0): " } ?? "") + finding.description
        return finding.hint.isEmpty ? line : line + "\n    fix: " + finding.hint
    }

    /// One JSON object, keys in a fixed order so the output is stable.
    static func json(_ finding: Finding, file: String) -> String {
        var fields = [
            ("file", jsonString(file)), ("rule", jsonString(finding.rule)), ("severity", jsonString(finding.severity.rawValue)),
            ("line", String(finding.line)), ("column", String(finding.column)), ("message", jsonString(finding.message)),
            ("hint", jsonString(finding.hint)),
        ]
        fields.append(("url", finding.documentationURL.map(jsonString) ?? "null"))
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
