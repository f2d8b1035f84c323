import FeedBuilder
import FeedModel
import Foundation
import Synchronization
import Testing

/// A publisher with an `OutputObserver` trusts the files of quiet folders without examining them, and examines
/// (and rewrites) every file the observer names as touched or whose folder it does not call quiet.
@Suite struct OutputObserverTests {
    /// Answers what the test says, and records the folders it was asked to observe.
    final class ScriptedObserver: OutputObserver {
        struct State {
            var quiet: Set<String> = []
            var touched: Set<String> = []
            var observed: Set<String> = []
            var asked = 0
        }
        let state = Mutex(State())

        func observe(folders: Set<String>) { state.withLock { $0.observed.formUnion(folders) } }

        func changes() -> OutputChanges {
            state.withLock { state in
                state.asked += 1
                return OutputChanges(quietFolders: state.quiet, touched: state.touched)
            }
        }
    }

    @Test func quietFilesAreTrustedAndTouchedOnesExamined() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let observer = ScriptedObserver()
        var publisher = FeedPublisher(description: Fixtures.description(limit: 10), outputDirectory: directory, cache: PreparedEntryCache())
        publisher.observer = observer
        let entries = Fixtures.entries(25)
        let first = try publisher.publish(entries)
        let folder = try #require(observer.state.withLock { $0.observed.first })
        #expect(observer.state.withLock { $0.observed.count == 1 && $0.asked == 1 })
        #expect(URL(fileURLWithPath: folder).standardizedFileURL.path == directory.standardizedFileURL.path)
        let atom = directory.appendingPathComponent("atom.xml")
        let original = try Data(contentsOf: atom)

        // Changed behind the publisher's back while the observer calls the folder quiet: not examined, not rewritten.
        observer.state.withLock { $0.quiet = [folder] }
        try Data("tampered".utf8).write(to: atom)
        let trusted = try publisher.publish(entries)
        #expect(trusted.rendered.isEmpty && trusted.unchanged == first.written)
        #expect(try Data(contentsOf: atom) == Data("tampered".utf8))

        // Named as touched: examined, found changed, rendered and rewritten.
        observer.state.withLock { $0.touched = [folder + "/atom.xml"] }
        let touched = try publisher.publish(entries)
        #expect(touched.rendered == ["atom.xml"] && touched.written == ["atom.xml"])
        #expect(try Data(contentsOf: atom) == original)

        // A folder not quiet: every file in it examined.
        observer.state.withLock {
            $0.quiet = []
            $0.touched = []
        }
        try Data("tampered again".utf8).write(to: directory.appendingPathComponent("rss-archive-1.xml"))
        let examined = try publisher.publish(entries)
        #expect(examined.rendered == ["rss-archive-1.xml"] && examined.written == ["rss-archive-1.xml"])
    }
}
