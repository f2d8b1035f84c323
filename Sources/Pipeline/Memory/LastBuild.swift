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
    /// Every published file (relative to the output folder) and its stamp.
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
        let refusedFiles = Set(refused.map(\.file))
        leftOut = report.leftOut.filter { !refusedFiles.contains($0.file) }
        articlesRead = report.articlesRead
    }

    /// The sorted names in each folder (relative to `output`, `.` for itself) that holds one of `pages`.
    static func folderListings(of pages: [String], in output: String) -> [(folder: String, names: [String])] {
        let folders = Set(
            pages.map { name in
                name.split(separator: "/").dropLast().joined(separator: "/")
            })
        return folders.sorted().map { folder in
            let path = folder.isEmpty ? output : output + "/" + folder
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            return (folder.isEmpty ? "." : folder, names)
        }
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
