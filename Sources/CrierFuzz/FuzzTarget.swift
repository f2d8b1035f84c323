import Ingest
import Validation

/// One thing to fuzz: turns an input into a call of Crier's code and checks what must hold for every input.
enum FuzzTarget: String, CaseIterable {
    /// The plain-text article parser (`.txt`), through the same path `crier build` takes for a file.
    case plaintext
    /// The Markdown front matter reader: inputs are wrapped in `---` fences and parsed as a `.md` article.
    case frontmatter
    /// The feed validator behind `crier validate`, on any bytes.
    case validator
    /// The saved-HTML article parser (`.html`).
    case html

    /// A violated invariant: the input gave an answer Crier must never give.
    struct Violation: Error, CustomStringConvertible {
        var description: String
    }

    private static let config: SiteConfig? = try? SiteConfig(
        yaml: """
            title: Fuzz
            base_url: https://fuzz.example.com/
            time_zone: Europe/Paris
            """)

    /// Runs one input and checks the invariants.
    func run(_ input: [UInt8]) throws(Violation) {
        switch self {
        case .plaintext: try article(input, path: "posts/2024-03-05-fuzz.txt")
        case .html: try article(input, path: "posts/fuzz.html")
        case .frontmatter: try article(Array("---\n".utf8) + input + Array("\n---\n\nBody text.\n".utf8), path: "fuzz.md")
        case .validator: try validate(input)
        }
    }

    /// Seed inputs for the front matter target are the YAML between a seed's fences, when it has any.
    func prepareSeed(_ bytes: [UInt8]) -> [UInt8] {
        guard self == .frontmatter else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\n---\n")
        guard text.hasPrefix("---\n"), parts.count >= 2 else { return bytes }
        return Array(parts[0].dropFirst(4).utf8)
    }

    private func article(_ input: [UInt8], path: String) throws(Violation) {
        guard let config = Self.config else { throw Violation(description: "the fuzz configuration does not load") }
        switch ArticleParsing.parse(bytes: input, path: path, config: config) {
        case .article(let title, let html, let warnings):
            if title.isEmpty { throw Violation(description: "an article with an empty title") }
            if html.utf8.contains(0) { throw Violation(description: "content HTML holds a NUL") }
            for warning in warnings where warning.message.isEmpty || warning.file != path {
                throw Violation(description: "a warning without a message or naming another file: \(warning)")
            }
        case .leftOut(let issue), .failed(let issue):
            if issue.message.isEmpty || issue.file != path {
                throw Violation(description: "an issue without a message or naming another file: \(issue)")
            }
        }
    }

    private func validate(_ input: [UInt8]) throws(Violation) {
        let report = FeedValidator.validate(bytes: input)
        for finding in report.findings where finding.message.isEmpty {
            throw Violation(description: "a finding without a message: \(finding)")
        }
        if report.findings.count > 10_000 {
            throw Violation(description: "\(report.findings.count) findings for one document (unbounded)")
        }
    }
}
