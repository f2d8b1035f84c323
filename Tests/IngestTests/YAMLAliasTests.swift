import Foundation
import Testing

@testable import Ingest

/// Front matter that uses YAML aliases: a few are fine, an alias bomb is refused at once.
@Suite struct YAMLAliasTests {
    /// Nine lists of nine aliases, the last one used as a mapping key: what the fuzzer found taking seconds.
    static let bomb: String = {
        var yaml = "---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefgh")
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        return yaml + "x: {*h: 1}\ndate: 2024-05-03\n---\n\nBody.\n"
    }()

    @Test func anAliasBombIsRefusedQuicklyWithAClearMessage() throws {
        let folder = try TestFolder()
        try folder.write("bomb.md", Self.bomb)
        let start = ContinuousClock.now
        let issue = try problem(folder, "bomb.md")
        #expect(ContinuousClock.now - start < .seconds(2), "the bomb took \(ContinuousClock.now - start) to refuse")
        #expect(issue?.message.contains("uses 64 YAML aliases") == true, "\(String(describing: issue))")
    }

    @Test func aFewAliasesStillWork() throws {
        let folder = try TestFolder()
        try folder.write("ok.md", "---\ntitle: Aliases\nbase: &who Ann\nauthor: *who\ndate: 2024-05-03\n---\n\nBody.\n")
        let (entry, _) = try entry(folder, "ok.md")
        #expect(entry.authors.map(\.name) == ["Ann"])
    }

    @Test func asterisksInQuotesAndCommentsAreNotAliases() {
        #expect(YAMLAliases.count(in: "title: \"*a *b *c\"\nsummary: '*x' # *y *z\nlist: [*one, *two]\nk: a*b\n") == 2)
    }
}
