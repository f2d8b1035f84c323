import Testing

@testable import Ingest

/// `YAMLComposer`'s shortcut (the basic resolver) against Yams' default resolver: every field Crier reads,
/// and every error, must come out the same.
@Suite struct YAMLComposerTests {
    static let documents: [String] = [
        "title: Hello\ndate: 2024-03-05T09:30:00+01:00\nauthor: Bench Author\ntags: [a, b]\nsummary: S.\n",
        "title: \"Quoted: yes\"\ndraft: yes\n", "draft: tRuE\n", "draft: TRUE\n", "draft: On\n", "draft: \"yes\"\n",
        "draft: 'no'\n", "draft: !!bool \"yes\"\n", "draft: !!str yes\n", "draft: ! yes\n", "draft: !custom off\n",
        "draft: 1\n", "draft: 0\n", "draft: ~\n", "draft: null\n", "draft:\n", "draft: |\n  yes\n", "draft: >\n  no\n",
        // Keys the default resolver tags int / bool / null / float / timestamp, next to quoted twins.
        "1: a\n\"1\": b\n", "true: a\n'true': b\n", "~: a\n\"~\": b\n", "1.5: a\n\"1.5\": b\n",
        "2024-01-01: a\n'2024-01-01': b\n", "0x1F: a\n\"0x1F\": b\n", "1: a\n!!str 1: b\n", "1: a\n!!int 1: b\n", "a: {1: x, !!int 1: y}\n",
        "a: [x, {1: x, !!float 1: y}]\n",
        "<<: a\n\"<<\": b\n", "title: a\ntitle: b\n", "title: a\n\"title\": b\n", "a: {x: 1, x: 2}\n",
        "a: {x: 1, \"x\": 2}\n", "a: {1: x, \"1\": y}\n", "? [a, 1]\n: x\n? [a, \"1\"]\n: y\n", "? [a, 1]\n: x\n? [a, 1]\n: y\n",
        "? {k: 1}\n: x\n? {k: \"1\"}\n: y\n", "null: a\nNull: b\n",
        // `=` keys (Node.string of a mapping) and aliases (shared tags).
        "author: {? {=: name} : Bob}\n", "author:\n  ? {= : name}\n  : Bob\n", "link: https://e.com/?a=b&c=d\n",
        "x: &a yes\ndraft: *a\n", "x: &a yes\n? *a\n: z\ndraft: *a\n", "a: &k 1\n? *k\n: b\n\"1\": c\n",
        // People, lists, errors.
        "author: [Ann <ann@e.com>, {name: Bob, email: b@e.com, uri: https://b.e/}]\n", "author: {name: ''}\n",
        "author: {nick: x}\n", "tags: yes, no, 1.5\n", "tags: [[x]]\n", "title: [unclosed\ndate: : :\n", "- a\n- b\n",
        "title: {nested: map}\n", "", "# only a comment\n", "title: \"Bell \\a escape\"\n", "title: \"raw \u{1b}[31m\"\n",
        "title: \"Ends ]]> and </item>\"\nsummary: \"]]></summary> & <b>\"\n",
        "x: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n",
        "  bad: indent\nx: 1\n", "title: a\n  b: c\n", "title: 'it''s'\nlang: fr\nslug: été\n", "title: \u{FEFF}BOM\n",
        "outputs: {rss: feed.xml, 1: x, \"1\": y}\n", "limit: 10\nlimit: \"10\"\n", "? |\n  block\n: x\n\"block\\n\": y\n",
    ]

    @Test(arguments: documents)
    func cheapestGivesWhatTheDefaultResolverGives(yaml: String) {
        #expect(summary(yaml, tags: .cheapest) == summary(yaml, tags: .exact))
    }

    @Test func theShortcutIsTakenForOrdinaryFrontMatter() {
        #expect(!YAMLComposer.mayHaveTagOrValueKey("title: Wow!\nlink: https://e.com/?a=b\n"))
        #expect(YAMLComposer.mayHaveTagOrValueKey("a: {=: b}\n"))
        #expect(YAMLComposer.mayHaveTagOrValueKey("= : b\n"))
        #expect(YAMLComposer.mayHaveTagOrValueKey("a: !!str 1\n"))
        #expect(YAMLComposer.mayHaveTagOrValueKey("a: [!x 1]\n"))
    }

    /// Everything `MarkdownArticle` and `SiteConfig` read from the fields, or the error.
    private func summary(_ yaml: String, tags: YAMLComposer.Tags) -> String {
        let fields: YAMLFields
        do {
            fields = try YAMLFields(yaml: yaml, lineOffset: 1, tags: tags)
        } catch {
            return "error \(error.line.map(String.init) ?? "-") \(error.key ?? "-") \(error.message)"
        }
        var lines: [String] = []
        for entry in fields.entries {
            let key = entry.key
            var line = "\(key) @\(entry.line.map(String.init) ?? "-") \(YAMLFields.kind(of: entry.value)) \(YAMLFields.shown(entry.value))"
            line += " entry:\(fields.entry(key) != nil)"
            line += " string:" + attempt { try fields.string(key) ?? "nil" }
            line += " int:" + attempt { try fields.int(key).map(String.init) ?? "nil" }
            line += " bool:" + attempt { try fields.bool(key).map(String.init) ?? "nil" }
            line += " list:" + attempt { try fields.stringList(key).map { "\($0)" } ?? "nil" }
            line += " people:" + attempt { try fields.people(key).map { "\($0)" } ?? "nil" }
            if case .mapping(let mapping) = entry.value {
                line += " keys:" + mapping.map { k, _ in k.string ?? "?" }.joined(separator: ",")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private func attempt(_ body: () throws -> String) -> String {
        do {
            return try body()
        } catch let error as YAMLFieldError {
            return "error \(error.line.map(String.init) ?? "-") \(error.key ?? "-") \(error.message)"
        } catch {
            return "error \(error)"
        }
    }
}
