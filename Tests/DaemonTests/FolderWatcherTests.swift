import Daemon
import Foundation
import Testing

/// The two ways of watching; every test here runs in both, since `crier watch --poll` must behave the same.
enum WatcherKind: String, CaseIterable, CustomTestStringConvertible {
    case inotify
    case polling

    func watcher(for folder: URL, ignoring ignored: Set<String> = []) -> any ChangeWatcher {
        switch self {
        case .inotify: FolderWatcher(root: folder, ignoredFolders: ignored)
        case .polling: PollingWatcher(root: folder, interval: .milliseconds(50), ignoredFolders: ignored)
        }
    }

    var testDescription: String { rawValue }
}

/// Starts a watcher on a fresh folder prepared by `setUp`, runs `body`, then cleans everything up.
func withWatchedFolder(
    _ kind: WatcherKind,
    ignoring ignored: Set<String> = [],
    setUp: (TemporaryFolder) throws -> Void = { _ in },
    _ body: (TemporaryFolder, Recorder<WatchEvent>) async throws -> Void
) async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try setUp(folder)
    let recorder = Recorder(try kind.watcher(for: folder.url, ignoring: ignored).events())
    defer { recorder.stop() }
    try await body(folder, recorder)
}

@Suite("Folder watching")
struct FolderWatcherTests {
    @Test("A file written in place is reported", arguments: WatcherKind.allCases)
    func writeInPlace(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind, setUp: { try $0.write("post.md", "one") }) { folder, recorder in
            try folder.write("post.md", "two, longer")
            #expect(await recorder.waitForChanges(["post.md"]))
        }
    }

    @Test("A new file is reported", arguments: WatcherKind.allCases)
    func newFile(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind) { folder, recorder in
            try folder.write("new.txt", "hello")
            #expect(await recorder.waitForChanges(["new.txt"]))
        }
    }

    @Test("Temp file plus rename reports the final name", arguments: WatcherKind.allCases)
    func tempAndRename(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind, setUp: { try $0.write("post.md", "one") }) { folder, recorder in
            try shell("printf 'two, longer' > .post.md.swp && mv .post.md.swp post.md", in: folder.url)
            #expect(await recorder.waitForChanges(["post.md"]))
        }
    }

    @Test("Foundation's atomic write is reported", arguments: WatcherKind.allCases)
    func foundationAtomicWrite(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind, setUp: { try $0.write("post.md", "one") }) { folder, recorder in
            try folder.write("post.md", "two, longer", atomically: true)
            #expect(await recorder.waitForChanges(["post.md"]))
        }
    }

    @Test("sed -i is reported", arguments: WatcherKind.allCases)
    func sedInPlace(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind, setUp: { try $0.write("post.md", "one") }) { folder, recorder in
            let status = try shell("sed -i 's/one/three/' post.md", in: folder.url)
            #expect(status == 0)
            #expect(await recorder.waitForChanges(["post.md"]))
        }
    }

    @Test("mv in and out, and rm, are reported", arguments: WatcherKind.allCases)
    func moveInOutAndRemove(kind: WatcherKind) async throws {
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try outside.write("arrived.md", "from elsewhere")
        try await withWatchedFolder(
            kind,
            setUp: {
                try $0.write("leaving.md", "x")
                try $0.write("doomed.md", "y")
            }
        ) {
            folder, recorder in
            try shell("mv '\(outside.path("arrived.md").path)' arrived.md", in: folder.url)
            try shell("mv leaving.md '\(outside.path("left.md").path)'", in: folder.url)
            try shell("rm doomed.md", in: folder.url)
            #expect(await recorder.waitForChanges(["arrived.md", "leaving.md", "doomed.md"]))
        }
    }

    @Test("Files in new subfolders are reported, including ones written later", arguments: WatcherKind.allCases)
    func newSubfolders(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind) { folder, recorder in
            try folder.write("2024/march/a.md", "a")
            #expect(await recorder.waitForChanges(["2024/march/a.md"]))
            try folder.write("2024/march/b.md", "b")
            try folder.write("2024/c.md", "c")
            #expect(await recorder.waitForChanges(["2024/march/b.md", "2024/c.md"]))
        }
    }

    @Test("A folder moved in reports its files", arguments: WatcherKind.allCases)
    func folderMovedIn(kind: WatcherKind) async throws {
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try outside.write("drafts/one.md", "1")
        try outside.write("drafts/deeper/two.md", "2")
        try await withWatchedFolder(kind) { folder, recorder in
            try shell("mv '\(outside.path("drafts").path)' drafts", in: folder.url)
            #expect(await recorder.waitForChanges(["drafts/one.md", "drafts/deeper/two.md"]))
            // The moved-in folders are watched from now on.
            try folder.write("drafts/deeper/three.md", "3")
            #expect(await recorder.waitForChanges(["drafts/deeper/three.md"]))
        }
    }

    @Test("A folder moved out is reported as removed, or its files as deleted", arguments: WatcherKind.allCases)
    func folderMovedOut(kind: WatcherKind) async throws {
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try await withWatchedFolder(kind, setUp: { try $0.write("old/post.md", "p") }) { folder, recorder in
            try shell("mv old '\(outside.path("old").path)'", in: folder.url)
            #expect(await recorder.wait { $0.contains(.folderRemoved("old")) || $0.contains(.changed("old/post.md")) })
            // Its old watch must not report writes in its new place under the old path.
            recorder.clear()
            try outside.write("old/later.md", "l")
            try folder.write("marker.md", "m")
            #expect(await recorder.waitForChanges(["marker.md"]))
            #expect(!recorder.changedPaths.contains("old/later.md"))
        }
    }

    @Test("A removed folder's files are reported and the name can be reused", arguments: WatcherKind.allCases)
    func folderRemovedAndRecreated(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind, setUp: { try $0.write("gone/a.md", "a") }) { folder, recorder in
            try shell("rm -r gone", in: folder.url)
            #expect(await recorder.waitForChanges(["gone/a.md"]))
            try folder.write("gone/b.md", "b")
            #expect(await recorder.waitForChanges(["gone/b.md"]))
        }
    }

    @Test("Hidden and ignored folders are not watched", arguments: WatcherKind.allCases)
    func hiddenAndIgnoredFolders(kind: WatcherKind) async throws {
        try await withWatchedFolder(
            kind, ignoring: ["public"],
            setUp: {
                try $0.makeFolder(".git")
                try $0.makeFolder("public")
            }
        ) {
            folder, recorder in
            try folder.write(".git/index", "i")
            try folder.write("public/atom.xml", "<feed/>")
            try folder.write("post.md", "p")
            #expect(await recorder.waitForChanges(["post.md"]))
            // Give the ignored writes the same time to show up as the one that did.
            try await Task.sleep(for: .milliseconds(200))
            #expect(recorder.changedPaths == ["post.md"])
        }
    }

    @Test("The root going away asks for a rescan", arguments: WatcherKind.allCases)
    func rootRemoved(kind: WatcherKind) async throws {
        try await withWatchedFolder(kind) { folder, recorder in
            folder.remove()
            #expect(await recorder.wait { $0.contains(.rescan) })
        }
    }

    @Test("Watching a missing folder is an error naming it", arguments: WatcherKind.allCases)
    func missingFolder(kind: WatcherKind) throws {
        let missing = URL(fileURLWithPath: "/nonexistent-crier-\(UUID().uuidString)")
        #expect {
            _ = try kind.watcher(for: missing).events()
        } throws: { error in
            "\(error)".contains(missing.path)
        }
    }
}

@Suite("Output folder exclusion")
struct OutputExclusionTests {
    @Test("An output folder inside the source is ignored; one elsewhere is not")
    func foldersToIgnore() {
        let source = URL(fileURLWithPath: "/srv/site")
        #expect(FolderWatcher.foldersToIgnore(source: source, output: URL(fileURLWithPath: "/srv/site/public")) == ["public"])
        #expect(FolderWatcher.foldersToIgnore(source: source, output: URL(fileURLWithPath: "/srv/site/out/feeds/")) == ["out/feeds"])
        #expect(FolderWatcher.foldersToIgnore(source: source, output: URL(fileURLWithPath: "/srv/public")).isEmpty)
        #expect(FolderWatcher.foldersToIgnore(source: source, output: URL(fileURLWithPath: "/srv/site-public")).isEmpty)
        #expect(FolderWatcher.foldersToIgnore(source: source, output: source).isEmpty)
    }
}
