// crier-micro: timing loops for Crier's hot paths, so a change to one of them can be compared in seconds.
//
//     swift run -c release crier-micro [ARTICLES]
//
// Prints, for each path, the median of several rounds: total milliseconds and microseconds per article.
// It is a benchmark (figures to compare within one run on one machine), not a test.
import FeedBuilder
import FeedModel
import Foundation
import Ingest
import Validation

let articleCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000
let rounds = 5

/// Median wall time of `rounds` runs of `body`, in milliseconds.
func measure(_ label: String, perItem items: Int, _ body: () throws -> Void) rethrows {
    var samples: [Double] = []
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let perItem = median * 1000 / Double(max(items, 1))
    print(
        label.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(format: "%10.1f ms %10.1f µs/article", median, perItem))
}

/// A deterministic article of the benchmark corpus's shape: front matter, ~7 paragraphs, links, emphasis.
func article(_ index: Int) -> String {
    let words = [
        "pilot", "border", "video", "report", "army", "signal", "harbour", "winter", "market", "letter",
        "council", "river", "engine", "garden", "station", "village", "archive", "morning", "question",
    ]
    var state = UInt64(index &+ 1) &* 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(words.count))
    }
    var body = ""
    for paragraph in 0..<7 {
        var sentence: [String] = []
        for word in 0..<80 {
            var text = words[next()]
            if word % 17 == 3 { text = "*\(text)*" }
            if word % 29 == 5 { text = "[\(text)](/\(words[next()])/\(paragraph)/)" }
            sentence.append(text)
        }
        body += sentence.joined(separator: " ") + ".\n\n"
    }
    let day = index % 28 + 1
    return "---\ntitle: \"Article \(index): \(words[next()]) \(words[next()])\"\ndate: 2024-03-\(day < 10 ? "0" : "")\(day)T09:30:00+01:00\n"
        + "author: Bench Author\ntags: [\(words[next()]), \(words[next()])]\nsummary: A summary of article \(index).\n---\n\n" + body
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crier-micro-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
for index in 0..<articleCount {
    try Data(article(index).utf8).write(to: folder.appendingPathComponent(String(format: "article-%06d.md", index)))
}
let config = SiteConfig(title: "Micro", baseURL: "https://micro.example/", author: Person(name: "Bench"), limit: 0)
let store = try StateStore.inMemory()
let ingester = Ingester(source: folder, config: config, store: store)
let paths = try ArticleFiles.list(in: folder)
print("crier-micro: \(articleCount) articles, median of \(rounds) rounds")

try measure("ingest one article at a time", perItem: paths.count) {
    for path in paths { _ = ingester.ingest(relativePath: path) }
}

var entries: [Entry] = []
for path in paths {
    if case .entry(let entry, _) = ingester.ingest(relativePath: path) { entries.append(entry) }
}
let cleaner = ContentCleaner()
measure("clean content (one core)", perItem: entries.count) {
    for entry in entries { _ = cleaner.clean(entry.contentHTML, baseURL: entry.link) }
}

let builder = FeedBuilder(description: config.feedDescription())
var prepared: PreparedFeed?
try measure("prepare feed (clean, all cores)", perItem: entries.count) {
    prepared = try builder.prepare(entries)
}
guard let prepared else { fatalError("prepare produced nothing") }
var documents: [(FeedFormat, [UInt8])] = []
for page in prepared.pages {
    var bytes: [UInt8] = []
    try measure("render \(page.fileName)", perItem: entries.count) {
        bytes = try prepared.bytes(of: page)
    }
    documents.append((page.format, bytes))
}
for (format, bytes) in documents {
    measure("validate \(format.rawValue) (\(bytes.count / 1024) KiB)", perItem: entries.count) {
        let report = FeedValidator.validate(bytes: bytes)
        precondition(!report.hasErrors, "the benchmark's own feed failed validation: \(report.findings.prefix(3))")
    }
}

// The publish path of `crier build`: render every page, validate each window of entries as it is rendered
// (all cores), write and rename. A fresh output folder and publisher each round, so nothing is skipped.
var round = 0
try measure("publish: render+validate+write", perItem: entries.count) {
    round += 1
    let output = folder.appendingPathComponent("published-\(round)")
    let report = try FeedPublisher(description: config.feedDescription(), outputDirectory: output).publish(entries)
    precondition(report.written.count == prepared.pages.count, "publish wrote \(report.written)")
}
