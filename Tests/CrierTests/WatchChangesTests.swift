import CrierTestHelpers
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `crier watch` on a real folder: every way an article can be saved, moved or removed shows in all three
/// feeds, in inotify mode and in `--poll` mode, and the result equals a fresh `crier build`.
@Suite(.serialized) struct WatchChangesTests {
    @Test(arguments: [false, true])
    func everyKindOfChangeReachesTheFeedsAndEqualsAFreshBuild(poll: Bool) async throws {
        let site = try WatchSite()
        try site.write("first.md", WatchSite.article("Seed First", date: "2024-01-01"))
        try site.write("undated.md", WatchSite.article("Seed Undated", date: nil))
        try site.write("notes.txt", "Seed Plain Text\n\nA plain text article.\n")
        let daemon = try await site.startWatch(poll: poll)
        let mode = poll ? "poll" : "inotify"
        #expect(await site.feedsEventually(contain: ["Seed First", "Seed Undated", "Seed Plain Text"]), "\(mode): first build")

        // Create: CREATE then CLOSE_WRITE.
        try site.write("new.md", WatchSite.article("Created One", date: "2024-02-01"))
        #expect(await site.feedsEventually(contain: ["Created One"]), "\(mode): create")

        // Edit in place: the same inode truncated and rewritten.
        let handle = try FileHandle(forWritingTo: site.url("new.md"))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(WatchSite.article("Edited In Place", date: "2024-02-01").utf8))
        try handle.close()
        #expect(await site.feedsEventually(contain: ["Edited In Place"], lack: ["Created One"]), "\(mode): edit in place")

        // An editor's atomic save: a hidden temporary file renamed over the name.
        let temporary = site.url(".renamed.md.tmp-1234")
        try Data(WatchSite.article("Atomic Rename", date: "2024-02-02").utf8).write(to: temporary)
        #expect(rename(temporary.path, site.url("renamed.md").path) == 0)
        #expect(await site.feedsEventually(contain: ["Atomic Rename"]), "\(mode): temp file + rename")

        // Foundation's atomic write: MOVED_TO before CLOSE_WRITE.
        try Data(WatchSite.article("Foundation Atomic", date: "2024-02-03").utf8)
            .write(to: site.url("foundation.md"), options: .atomic)
        #expect(await site.feedsEventually(contain: ["Foundation Atomic"]), "\(mode): Foundation atomic write")

        // sed -i: a sedXXXXXX temporary renamed over the file.
        let sed = try await onOwnThread { [site] in
            try ProcessRunner.run(URL(fileURLWithPath: "/bin/sed"), ["-i", "s/Foundation Atomic/Sed Edited/", site.url("foundation.md").path])
        }
        #expect(sed.status == 0, "\(sed.standardError)")
        #expect(await site.feedsEventually(contain: ["Sed Edited"], lack: ["Foundation Atomic"]), "\(mode): sed -i")

        // mv from outside the tree: MOVED_TO only.
        let incoming = site.outside.appendingPathComponent("incoming.md")
        try Data(WatchSite.article("Moved In", date: "2024-02-04").utf8).write(to: incoming)
        #expect(rename(incoming.path, site.url("incoming.md").path) == 0)
        #expect(await site.feedsEventually(contain: ["Moved In"]), "\(mode): move in")

        // mv out of the tree: MOVED_FROM only.
        #expect(rename(site.url("new.md").path, site.outside.appendingPathComponent("new.md").path) == 0)
        #expect(await site.feedsEventually(lack: ["Edited In Place"]), "\(mode): move out")

        // Delete.
        try FileManager.default.removeItem(at: site.url("renamed.md"))
        #expect(await site.feedsEventually(lack: ["Atomic Rename"]), "\(mode): delete")

        // A subfolder of articles moved in whole (its files make no events of their own) and one made in place.
        let bundle = site.outside.appendingPathComponent("bundle")
        try FileManager.default.createDirectory(at: bundle.appendingPathComponent("deeper"), withIntermediateDirectories: true)
        try Data(WatchSite.article("Bundle Top", date: "2024-02-05").utf8).write(to: bundle.appendingPathComponent("top.md"))
        try Data(WatchSite.article("Bundle Deep", date: "2024-02-06").utf8)
            .write(to: bundle.appendingPathComponent("deeper/deep.md"))
        #expect(rename(bundle.path, site.url("bundle").path) == 0)
        try site.write("made/here.md", WatchSite.article("Made Here", date: "2024-02-07"))
        #expect(await site.feedsEventually(contain: ["Bundle Top", "Bundle Deep", "Made Here"]), "\(mode): folders added")

        // A file written into the moved-in folder later must be seen too (the new folder is watched).
        try site.write("bundle/deeper/later.md", WatchSite.article("Bundle Later", date: "2024-02-08"))
        #expect(await site.feedsEventually(contain: ["Bundle Later"]), "\(mode): file in a moved-in folder")

        // Folders removed: one with rm -r, one moved out whole.
        try FileManager.default.removeItem(at: site.url("made"))
        #expect(rename(site.url("bundle").path, site.outside.appendingPathComponent("bundle-gone").path) == 0)
        #expect(await site.feedsEventually(lack: ["Made Here", "Bundle Top", "Bundle Deep", "Bundle Later"]), "\(mode): folders removed")
        #expect(await site.feedsEventually(contain: ["Seed First", "Seed Undated", "Seed Plain Text", "Sed Edited", "Moved In"]))

        #expect(await daemon.stop() == 0, "SIGTERM exits 0: \(daemon.log)")
        #expect(try await site.differencesFromFreshBuild() == [], "\(mode): feeds after the changes differ from a fresh build")
        #expect(!daemon.log.contains("Regeneration failed"), "\(daemon.log)")
    }
}
