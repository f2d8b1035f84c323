import Foundation
import Testing

/// A folder built with the real `crier build`, and the structural checks every published site must pass: each
/// document valid to `crier validate`, no two entries with one id, link or `updated`, nothing a reader treats as
/// damage or danger left in the bodies.
struct PublishedSite {
    let source: URL
    let output: URL
    let run: TimedProcess.Outcome

    /// Builds `source` into `folder/NAME-public` with a state store of its own.
    init(source: URL, in folder: TemporaryFolder, name: String) throws {
        self.source = source
        output = folder.url.appendingPathComponent("\(name)-public")
        run = try TimedProcess.crier(
            ["build", source.path, "--output", output.path, "--state", folder.url.appendingPathComponent("\(name).sqlite").path],
            timeout: 300)
    }

    /// The site feeds' documents, sorted (`atom-archive-1.xml`, …, `rss.xml`): not the section feeds in their
    /// folders, nor `feeds.opml`.
    var documents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter { name in
            !name.hasPrefix(".") && (name.hasSuffix(".xml") || name.hasSuffix(".json"))
        }.sorted()
    }

    /// Every feed document written, the section feeds in their folders included, sorted.
    var allDocuments: [String] {
        let names = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        return names.filter { name in
            !name.split(separator: "/").contains { $0.hasPrefix(".") } && (name.hasSuffix(".xml") || name.hasSuffix(".json"))
        }.sorted()
    }

    /// Every JSON Feed item over the main feed and its archive pages.
    func jsonItems() throws -> [[String: Any]] {
        try documents.filter { $0.hasSuffix(".json") }.flatMap { name in
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(name))) as? [String: Any]
            return object?["items"] as? [[String: Any]] ?? []
        }
    }

    /// The JSON Feed page holding the same entries as an RSS or Atom page (`rss-archive-2.xml` → `feed-archive-2.json`).
    func jsonPage(for document: String) -> URL {
        let stem = document.hasPrefix("rss") ? String(document.dropFirst(3)) : String(document.dropFirst(4))
        return output.appendingPathComponent("feed" + stem.replacingOccurrences(of: ".xml", with: ".json"))
    }

    /// Records an issue for every structural problem; `entries` is the number of entries the site must have.
    func expectClean(entries: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!run.timedOut && !run.signalled && run.status == 0, "crier build: \(run.standardError.suffix(3000))", sourceLocation: sourceLocation)
        #expect(!run.standardError.contains("failed "), "\(run.standardError.suffix(3000))", sourceLocation: sourceLocation)
        for name in allDocuments {
            let validation = try TimedProcess.crier(["validate", output.appendingPathComponent(name).path])
            #expect(
                validation.status == 0 && validation.standardOutput.isEmpty, "\(name): \(validation.standardOutput.prefix(2000))",
                sourceLocation: sourceLocation)
        }
        let items = try jsonItems()
        #expect(items.count == entries, "\(items.count) entries published", sourceLocation: sourceLocation)
        for key in ["id", "url", "date_modified"] {
            var seen: [String: Int] = [:]
            for item in items { seen[item[key] as? String ?? "", default: 0] += 1 }
            let shared = seen.filter { $0.value > 1 }.keys.sorted()
            #expect(shared.isEmpty, "\(shared.count) values of \(key) shared by several entries: \(shared.prefix(5))", sourceLocation: sourceLocation)
        }
        for item in items {
            let html = item["content_html"] as? String ?? ""
            let title = item["title"] as? String ?? ""
            for scalar in (html + title).unicodeScalars where Self.isDamage(scalar) {
                Issue.record("\(title): U+\(String(scalar.value, radix: 16, uppercase: true)) published", sourceLocation: sourceLocation)
            }
            for style in Self.styleAttributes(in: html) {
                let lowered = style.lowercased()
                for needle in ["url(", "expression", "position", "behavior", "z-index", "\\", "/*"] where lowered.contains(needle) {
                    Issue.record("\(title): style=\"\(style)\" keeps \(needle)", sourceLocation: sourceLocation)
                }
            }
            for needle in ["<svg", "<math", "<script", "<iframe", "<style", "<o:p"] where html.lowercased().contains(needle) {
                Issue.record("\(title): body keeps \(needle)", sourceLocation: sourceLocation)
            }
        }
    }

    /// DEL, C1 controls, U+FFFD and noncharacters: what readers show as damage.
    static func isDamage(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value == 0xFFFD || value & 0xFFFE == 0xFFFE
    }

    /// The values of every `style="…"` attribute in `html` (in tags only: text escapes `<` but not `"`, so a code
    /// sample can hold ` style="…"` as text).
    static func styleAttributes(in html: String) -> [String] {
        html.split(separator: "<").dropFirst().flatMap { part -> [String] in
            let tag = part.prefix { $0 != ">" }
            return tag.components(separatedBy: " style=\"").dropFirst().compactMap {
                $0.split(separator: "\"", maxSplits: 1).first.map(String.init)
            }
        }
    }
}
