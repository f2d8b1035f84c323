import Foundation
import Testing

@testable import FeedBuilder

/// A publish killed midway leaves a hidden temp file; the next one, holding the lock, removes it and nothing else:
/// not a file of the user's with a similar name, not a temp-shaped file reached through a symbolic link.
@Suite struct LeftoverFilesTests {
    @Test func onlyOurTemporaryFilesInsideTheOutputAreRemoved() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crier-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        let elsewhere = root.appendingPathComponent("elsewhere")
        for folder in [output.appendingPathComponent("tags/swift"), elsewhere] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let ours = [".atom.xml.tmp-Ab3xYz", "tags/swift/.rss.xml.tmp-09azAZ"]
        let theirs = ["atom.xml", ".keep", "notes.tmp-Ab3xYz", "tags/.x.tmp-toolong1"]
        for name in ours + theirs { try Data("x".utf8).write(to: output.appendingPathComponent(name)) }
        // A link to a folder outside, and a link named like a temp file: neither is followed or removed.
        try Data("x".utf8).write(to: elsewhere.appendingPathComponent(".feed.json.tmp-Qw3rty"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("linked"), withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(
            at: output.appendingPathComponent(".rss.xml.tmp-Zz9zZz"), withDestinationURL: elsewhere.appendingPathComponent(".feed.json.tmp-Qw3rty"))

        let removed = OutputLock.removeLeftoverTemporaryFiles(in: output)

        #expect(removed.sorted() == ours.sorted())
        for name in ours { #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path)) }
        for name in theirs { #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(name).path), "\(name)") }
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent(".feed.json.tmp-Qw3rty").path))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: output.appendingPathComponent(".rss.xml.tmp-Zz9zZz").path)) != nil)
    }
}
