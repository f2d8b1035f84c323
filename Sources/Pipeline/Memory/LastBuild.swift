import Foundation
import Ingest
import Platform

/// What the pipeline remembers of the last complete build, in the build cache beside the articles: enough to
/// tell that a new build would publish exactly what is on disk, and to report it the same way.
///
/// A build is "unchanged" (`isUnchanged`) only when all of these hold; anything else builds again:
/// - the same article files, each with the stamp it had (or, when the stamp was unsure, the same hash);
/// - the same refused symlinks;
/// - the state store's files untouched since (their stamps; a hand edit or another store changes them);
/// - every published file in the output folder still the one written (its stamp), and nothing added to or
///   removed from those folders (a stray archive page or a temp file a killed build left would be removed by
///   a build, so its presence means one is needed).
/// The cache key covers Crier, `crier.yml`, the source folder and the state store's path.
struct LastBuild {
    /// The output folder's path.
    var output: String
    /// Stamps of the state store's files (`state.sqlite` and its `-journal` and `-wal`), nil where absent.
    var stateStamps: [SourceStamp?]
    /// Every published file (relative to the output folder) and its stamp, sorted by name.
    var pages: [(name: String, stamp: SourceStamp)]
    /// The names in each output folder holding a published file, sorted.
    var folders: [(folder: String, names: [String])]
    /// Refused symlinks, as the listing named them.
    var refused: [IngestIssue]
    /// The report's figures and lines.
    var entryCount: Int
    var failed: [IngestIssue]
    /// The articles left out for sharing a link or an id (also among `failed`), for the daemon's log.
    var withheld: [IngestIssue]
    var warnings: [IngestIssue]
    var leftOut: [IngestIssue]
    var articlesRead: Int

    /// The state store's files at `statePath`.
    static func stateFiles(_ statePath: URL) -> [String] {
        let path = statePath.standardizedFileURL.path
        return [path, path + "-journal", path + "-wal"]
    }

    /// Stamps of the state store's files now.
    static func stateStamps(_ statePath: URL) -> [SourceStamp?] {
        stateFiles(statePath).map { SourceStamp(regularFileAt: $0) }
    }

    /// The record of a build that published `report` into `output`, taken after it.
    init(output: URL, statePath: URL, report: BuildReport, refused: [IngestIssue], withheld: [IngestIssue]) {
        let folder = output.standardizedFileURL.path
        self.output = folder
        stateStamps = Self.stateStamps(statePath)
        let names = (report.written + report.unchanged).sorted()
        pages = names.compactMap { name in
            SourceStamp(regularFileAt: folder + "/" + name).map { (name, $0) }
        }
        folders = Self.folderListings(of: names, in: folder)
        self.refused = refused
        entryCount = report.entryCount
        failed = report.failed
        self.withheld = withheld
        warnings = report.warnings
        leftOut = Self.leftOut(report, refused: refused)
        articlesRead = report.articlesRead
    }

    /// The record of an update's publish that gave `report`, made from `previous`, the record this process made
    /// of the publish before it (`Site` keeps it), instead of examining every published file again: at 10,000
    /// articles in sections that was 1,200 `stat`s and a listing of every feed folder on each of the daemon's
    /// updates, 10-17% of its time.
    ///
    /// - A page this publish wrote is stamped again; a page it did not write keeps the stamp `previous` gave it
    ///   (a page new to the record is stamped).
    /// - A folder is listed again only when this publish put a page in it or below it that `previous` did not
    ///   hold, or removed a file from it or below it (a section's folder appears or goes with its pages), or it
    ///   is new to the record; any other keeps the listing `previous` made.
    ///
    /// Why this never lets a later start skip a build it needs: every stamp and listing kept was true of the
    /// output folder right after a publish of this process, and this process has changed nothing it does not
    /// examine again since (a publish that fails leaves no record to build on). A start skips only when the
    /// folder is as recorded, so when a page or listing kept is still as it was, the page holds what was
    /// published then, which a page left alone since still is. When someone else touched it in between (a hand
    /// edit, a stray file, a page deleted), the stamp or the listing kept no longer matches and the start builds,
    /// where a record taken afresh would have taken the hand edit for the page published. A stale entry can
    /// only cost a build, never skip one.
    init(
        updating previous: LastBuild, output: URL, statePath: URL, report: BuildReport, refused: [IngestIssue], withheld: [IngestIssue]
    ) {
        let folder = output.standardizedFileURL.path
        guard previous.output == folder else {
            self.init(output: output, statePath: statePath, report: report, refused: refused, withheld: withheld)
            return
        }
        let written = Set(report.written)
        var relisted = Set(report.removed.flatMap(Self.folders(holding:)))
        let names = (report.written + report.unchanged).sorted()
        var pages: [(name: String, stamp: SourceStamp)] = []
        pages.reserveCapacity(names.count)
        // Both sorted by name: one walk through the previous pages finds each one's stamp, where a dictionary of
        // them would be built again for every update.
        var previousPages = previous.pages[...]
        for name in names {
            while let first = previousPages.first, first.name < name { previousPages = previousPages.dropFirst() }
            let kept = previousPages.first.flatMap { $0.name == name ? $0.stamp : nil }
            if kept == nil { relisted.formUnion(Self.folders(holding: name)) }
            if let kept, !written.contains(name) {
                pages.append((name, kept))
            } else if let stamp = SourceStamp(regularFileAt: folder + "/" + name) {
                pages.append((name, stamp))
            }
        }
        let listed = Dictionary(previous.folders.map { ($0.folder, $0.names) }, uniquingKeysWith: { first, _ in first })
        self.init(
            output: folder, stateStamps: Self.stateStamps(statePath), pages: pages,
            folders: Set(names.map(Self.folder(of:))).sorted().map { name in
                if !relisted.contains(name), let names = listed[name] { return (name, names) }
                return (name, Self.listing(of: name, in: folder))
            },
            issues: [refused, report.failed, withheld, report.warnings, Self.leftOut(report, refused: refused)],
            entryCount: report.entryCount, articlesRead: report.articlesRead)
    }

    /// The folder (relative to the output folder, `.` for itself) of the page at `name`.
    static func folder(of name: String) -> String {
        // By bytes: `String.lastIndex(of:)` walks back by characters, a third of the record's time at 1,200 pages.
        guard let slash = name.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return String(name[..<slash])
    }

    /// The folder of the file at `name` (as `folder(of:)` gives it) and every folder above it, up to `.`.
    static func folders(holding name: String) -> [String] {
        var folders: [String] = []
        var rest = Substring(name)
        while let slash = rest.utf8.lastIndex(of: UInt8(ascii: "/")) {
            rest = rest[..<slash]
            folders.append(String(rest))
        }
        return folders + ["."]
    }

    /// The sorted names in `folder` (as `folder(of:)` gives it) of `output`; none when it cannot be listed.
    ///
    /// Plain `readdir`: FileManager's listing reads the user and group databases for every name.
    static func listing(of folder: String, in output: String) -> [String] {
        ((try? FileSystem.names(inDirectory: folder == "." ? output : output + "/" + folder)) ?? []).sorted()
    }

    /// The sorted names in each folder (relative to `output`, `.` for itself) that holds one of `pages`.
    static func folderListings(of pages: [String], in output: String) -> [(folder: String, names: [String])] {
        Set(pages.map(folder(of:))).sorted().map { folder in (folder, listing(of: folder, in: output)) }
    }

    /// The report's articles left out, less the refused symlinks (kept apart, in `refused`).
    private static func leftOut(_ report: BuildReport, refused: [IngestIssue]) -> [IngestIssue] {
        let refusedFiles = Set(refused.map(\.file))
        return report.leftOut.filter { !refusedFiles.contains($0.file) }
    }

    /// True when a build now would publish exactly what the last one did (see the type's comment).
    /// Files whose stamps were unsure are confirmed by their hash, and marked sure in `articles` when their
    /// stamps have settled since.
    func isUnchanged(listing: SourceListing, articles: inout ArticleMemory, source: URL, output: URL, statePath: URL) -> Bool {
        guard self.output == output.standardizedFileURL.path, listing.refused == refused,
            Self.stateStamps(statePath) == stateStamps,
            articles.matches(listing, source: source)
        else { return false }
        for page in pages where SourceStamp(regularFileAt: self.output + "/" + page.name) != page.stamp {
            return false
        }
        let listings = Self.folderListings(of: pages.map(\.name), in: self.output)
        return listings.count == folders.count && zip(listings, folders).allSatisfy { $0.folder == $1.folder && $0.names == $1.names }
    }

    /// The report of an unchanged build.
    func report(milliseconds: Int) -> BuildReport {
        var report = BuildReport(
            entryCount: entryCount, failed: failed, warnings: warnings, written: [], unchanged: pages.map(\.name), removed: [],
            articlesRead: articlesRead, milliseconds: milliseconds)
        report.leftOut = (leftOut + refused).sorted { $0.file < $1.file }
        return report
    }

    // MARK: Bytes

    var bytes: [UInt8] {
        var writer = CacheWriter(capacity: 4096 + pages.count * 96)
        writer.write(output)
        writer.write(stateStamps.count)
        for stamp in stateStamps {
            writer.write(stamp != nil)
            if let stamp { writer.write(stamp) }
        }
        writer.write(pages.count)
        for page in pages {
            writer.write(page.name)
            writer.write(page.stamp)
        }
        writer.write(folders.count)
        for folder in folders {
            writer.write(folder.folder)
            writer.write(folder.names.count)
            for name in folder.names { writer.write(name) }
        }
        for issues in [refused, failed, withheld, warnings, leftOut] {
            writer.write(issues.count)
            for issue in issues { writer.write(issue) }
        }
        writer.write(entryCount)
        writer.write(articlesRead)
        return writer.bytes
    }

    init?(bytes: [UInt8]) {
        let decoded = bytes.withUnsafeBytes { buffer -> LastBuild? in
            var reader = CacheReader(buffer)
            return Self.read(&reader)
        }
        guard let decoded else { return nil }
        self = decoded
    }

    private init(
        output: String, stateStamps: [SourceStamp?], pages: [(name: String, stamp: SourceStamp)],
        folders: [(folder: String, names: [String])], issues: [[IngestIssue]], entryCount: Int, articlesRead: Int
    ) {
        self.output = output
        self.stateStamps = stateStamps
        self.pages = pages
        self.folders = folders
        (refused, failed, withheld, warnings, leftOut) = (issues[0], issues[1], issues[2], issues[3], issues[4])
        self.entryCount = entryCount
        self.articlesRead = articlesRead
    }

    private static func read(_ reader: inout CacheReader) -> LastBuild? {
        guard let output = reader.string(), let stateCount = reader.int(), stateCount >= 0, stateCount <= 8 else { return nil }
        var stateStamps: [SourceStamp?] = []
        for _ in 0..<stateCount {
            guard let present = reader.bool() else { return nil }
            if present {
                guard let stamp = reader.stamp() else { return nil }
                stateStamps.append(stamp)
            } else {
                stateStamps.append(nil)
            }
        }
        guard let pageCount = reader.int(), pageCount >= 0 else { return nil }
        var pages: [(name: String, stamp: SourceStamp)] = []
        for _ in 0..<pageCount {
            guard let name = reader.string(), let stamp = reader.stamp() else { return nil }
            pages.append((name, stamp))
        }
        guard let folderCount = reader.int(), folderCount >= 0 else { return nil }
        var folders: [(folder: String, names: [String])] = []
        for _ in 0..<folderCount {
            guard let folder = reader.string(), let count = reader.int(), count >= 0 else { return nil }
            var names: [String] = []
            for _ in 0..<count {
                guard let name = reader.string() else { return nil }
                names.append(name)
            }
            folders.append((folder, names))
        }
        var issues: [[IngestIssue]] = []
        for _ in 0..<5 {
            guard let count = reader.int(), count >= 0 else { return nil }
            var list: [IngestIssue] = []
            for _ in 0..<count {
                guard let issue = reader.issue() else { return nil }
                list.append(issue)
            }
            issues.append(list)
        }
        guard let entryCount = reader.int(), let articlesRead = reader.int(), reader.isAtEnd else { return nil }
        return LastBuild(
            output: output, stateStamps: stateStamps, pages: pages, folders: folders, issues: issues, entryCount: entryCount,
            articlesRead: articlesRead)
    }
}
