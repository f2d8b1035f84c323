import FeedBuilder
import FeedModel
import Foundation
import Testing
import Validation

@Suite struct PublishTests {
    let fileManager = FileManager.default

    func modificationDate(_ url: URL) throws -> Date? {
        try fileManager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    @Test func writesThenLeavesIdenticalFilesAlone() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(formats: [.rss, .atom]), outputDirectory: directory)
        let first = try publisher.publish(Fixtures.entries(3))
        #expect(first.written == ["atom.xml", "rss.xml"])
        #expect(first.unchanged.isEmpty && first.removed.isEmpty)
        #expect(try Fixtures.fileNames(in: directory) == ["atom.xml", "rss.xml"])
        let permissions = try fileManager.attributesOfItem(atPath: directory.appendingPathComponent("rss.xml").path)[.posixPermissions] as? Int
        #expect(permissions == 0o644)

        // Back-date the files: a rewrite would give them a fresh mtime.
        let old = Date(timeIntervalSince1970: 946_684_800)
        for name in ["atom.xml", "rss.xml"] {
            try fileManager.setAttributes([.modificationDate: old], ofItemAtPath: directory.appendingPathComponent(name).path)
        }
        let second = try publisher.publish(Fixtures.entries(3).reversed())
        #expect(second.written.isEmpty)
        #expect(second.unchanged == ["atom.xml", "rss.xml"])
        #expect(try modificationDate(directory.appendingPathComponent("atom.xml")) == old)
        #expect(try modificationDate(directory.appendingPathComponent("rss.xml")) == old)

        var edited = Fixtures.entries(3)
        edited[0].title = "Edited"
        let third = try publisher.publish(edited)
        #expect(third.written == ["atom.xml", "rss.xml"])
        let rss = try String(contentsOf: directory.appendingPathComponent("rss.xml"), encoding: .utf8)
        #expect(rss.contains("<title>Edited</title>"))
        #expect(try Fixtures.fileNames(in: directory) == ["atom.xml", "rss.xml"])
    }

    @Test func tempFilesLeftByAKilledPublishAreRemovedOthersKept() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        // What `kill -9` between mkstemp and rename leaves, next to files that are not ours.
        for name in [".atom.xml.tmp-Ab12Cd", ".rss-archive-2.xml.tmp-x9Y8z7", ".notes.txt.tmp-123456", ".atom.xml.tmp-toolong1", "keep.txt"] {
            try Data("left".utf8).write(to: directory.appendingPathComponent(name))
        }
        let publisher = FeedPublisher(description: Fixtures.description(formats: [.rss, .atom]), outputDirectory: directory)
        _ = try publisher.publish(Fixtures.entries(2))
        #expect(try Fixtures.fileNames(in: directory) == [".atom.xml.tmp-toolong1", ".notes.txt.tmp-123456", "atom.xml", "keep.txt", "rss.xml"])
    }

    @Test func failedValidationLeavesThePreviousFilesIntact() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        var publisher = FeedPublisher(description: Fixtures.description(formats: [.rss, .atom]), outputDirectory: directory)
        _ = try publisher.publish(Fixtures.entries(2))
        let rssBefore = try Data(contentsOf: directory.appendingPathComponent("rss.xml"))
        let atomBefore = try Data(contentsOf: directory.appendingPathComponent("atom.xml"))

        // A validator that rejects Atom documents: the RSS file, though valid, must not be replaced either.
        publisher.validate = { bytes in
            let isAtom = String(decoding: bytes.prefix(200), as: UTF8.self).contains("<feed")
            return ValidationReport(
                format: isAtom ? .atom : .rss,
                findings: isAtom
                    ? [Finding(severity: .error, rule: "MissingElement", line: 2, column: 1, message: "missing thing")]
                    : [Finding(severity: .warning, rule: "SomeWarning", line: 3, message: "hm")])
        }
        do {
            _ = try publisher.publish(Fixtures.entries(5))
            Issue.record("publish succeeded despite an error finding")
        } catch {
            guard case .invalidDocuments(let findings) = error.reason else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(findings.map(\.fileName) == ["atom.xml"])
            #expect(findings.first?.finding.rule == "MissingElement")
            #expect(error.description.contains("atom.xml:2:1: error MissingElement missing thing"))
        }
        #expect(try Data(contentsOf: directory.appendingPathComponent("rss.xml")) == rssBefore)
        #expect(try Data(contentsOf: directory.appendingPathComponent("atom.xml")) == atomBefore)
        #expect(try Fixtures.fileNames(in: directory) == ["atom.xml", "rss.xml"], "a temp file was left behind")
    }

    @Test func documentsAreValidatedWithFeedValidatorByDefault() throws {
        // The real validator rejects what is not well-formed; our output always is, so a publish passes it.
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(formats: [.atom]), outputDirectory: directory)
        #expect(FeedValidator.validate(bytes: Array("<feed>".utf8)).hasErrors)
        let report = try publisher.publish(Fixtures.entries(2))
        #expect(report.written == ["atom.xml"])
    }

    @Test func staleArchivesAreRemovedAndOthersKept() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(formats: [.rss, .atom], limit: 10), outputDirectory: directory)
        let first = try publisher.publish(Fixtures.entries(25))
        #expect(
            first.written == [
                "atom-archive-1.xml", "atom-archive-2.xml", "atom.xml",
                "rss-archive-1.xml", "rss-archive-2.xml", "rss.xml",
            ])
        // Files that only look similar are not ours.
        for name in ["atom-archive-x.xml", "atom-archive-02.xml", "notes-archive-3.xml", "atom-archive-7.json"] {
            try Data("keep".utf8).write(to: directory.appendingPathComponent(name))
        }
        let second = try publisher.publish(Fixtures.entries(12))
        #expect(second.removed == ["atom-archive-2.xml", "rss-archive-2.xml"])
        #expect(second.written == ["atom-archive-1.xml", "atom.xml", "rss-archive-1.xml", "rss.xml"])
        #expect(
            try Fixtures.fileNames(in: directory) == [
                "atom-archive-02.xml", "atom-archive-1.xml", "atom-archive-7.json", "atom-archive-x.xml", "atom.xml",
                "notes-archive-3.xml", "rss-archive-1.xml", "rss.xml",
            ])
    }

    @Test func fullArchivePageIsUnchangedOnDiskWhenEntriesArrive() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(formats: [.atom], limit: 10), outputDirectory: directory)
        _ = try publisher.publish(Fixtures.entries(25))
        let report = try publisher.publish(Fixtures.entries(27))
        #expect(report.unchanged == ["atom-archive-1.xml"])
        #expect(report.written == ["atom-archive-2.xml", "atom.xml"])
    }

    @Test func duplicateIdsPublishNothing() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(formats: [.rss]), outputDirectory: directory)
        var entries = Fixtures.entries(2)
        entries[1].id = entries[0].id
        #expect(throws: PublishError.self) { try publisher.publish(entries) }
        #expect(try Fixtures.fileNames(in: directory).isEmpty)
    }

    @Test(.enabled(if: PublishTests.validatorKnowsJSONFeed, "FeedValidator does not recognise JSON Feed yet"))
    func publishesJSONFeed() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(), outputDirectory: directory)
        let report = try publisher.publish(Fixtures.entries(3))
        #expect(report.written == ["atom.xml", "feed.json", "rss.xml"])
    }

    /// The Validation placeholder only checks XML well-formedness, so it reports JSON as an error.
    static var validatorKnowsJSONFeed: Bool {
        let minimal = #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}"#
        return !FeedValidator.validate(bytes: Array(minimal.utf8)).hasErrors
    }
}
