public import FeedModel
public import Foundation
import GRDB

/// What Crier remembers about one article file between runs.
public struct ArticleState: Sendable, Hashable {
    /// The file's path relative to the source folder.
    public var path: String
    /// When Crier first saw the file; the published date of articles that give none.
    public var firstSeen: Timestamp
    /// The SHA-256 of the file's bytes at the last ingest.
    public var contentHash: String
    /// When Crier saw the content change, or nil if it never changed since `firstSeen`.
    public var changed: Timestamp?
    /// The entry id Crier gave the article.
    public var assignedID: String
}

/// A failure of the state database: the file it concerns and SQLite's message.
public struct StateStoreError: Error, Sendable, CustomStringConvertible {
    /// The database path, or `:memory:`.
    public var path: String
    /// What went wrong.
    public var message: String
    public var description: String { "\(path): state store: \(message)" }
}

/// The SQLite database under `SOURCE/.crier/state.sqlite` that keeps entries stable across runs.
///
/// Readers show an entry twice when its id changes and re-announce it when its date changes, so the first-seen
/// time, content hash and assigned id of each file are kept here. A GRDB `DatabaseQueue` serialises access,
/// so one store can be shared by concurrent tasks; every update is one transaction.
public final class StateStore: Sendable {
    private let queue: DatabaseQueue
    /// The database path, or `:memory:`.
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: URL) throws(StateStoreError) {
        self.path = path.path
        do {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path.path)
            try Self.migrator.migrate(queue)
        } catch {
            throw StateStoreError(path: path.path, message: "\(error)")
        }
    }

    private init(queue: DatabaseQueue) throws(StateStoreError) {
        self.path = ":memory:"
        self.queue = queue
        do {
            try Self.migrator.migrate(queue)
        } catch {
            throw StateStoreError(path: path, message: "\(error)")
        }
    }

    /// A store that lives in memory only, for tests and dry runs.
    public static func inMemory() throws(StateStoreError) -> StateStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue()
        } catch {
            throw StateStoreError(path: ":memory:", message: "\(error)")
        }
        return try StateStore(queue: queue)
    }

    /// The store of a source folder: `SOURCE/.crier/state.sqlite`.
    public static func location(forSource source: URL) -> URL {
        source.appendingPathComponent(".crier", isDirectory: true).appendingPathComponent("state.sqlite")
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles") { db in
            try db.create(table: "article") { table in
                table.primaryKey("path", .text)
                table.column("firstSeen", .integer).notNull()
                table.column("firstSeenOffset", .integer).notNull()
                table.column("contentHash", .text).notNull()
                table.column("changed", .integer)
                table.column("changedOffset", .integer)
                table.column("assignedID", .text).notNull()
            }
        }
        migrator.registerMigration("v2: first-seen index") { db in
            // New files look up which first-seen seconds are taken (`record`), so ties can be broken.
            try db.create(index: "article_firstSeen", on: "article", columns: ["firstSeen"])
        }
        return migrator
    }

    /// One file as seen now: its path, the hash of its bytes, and the id it must have if that is already settled.
    public struct Observation: Sendable {
        /// The relative path.
        public var path: String
        /// The SHA-256 of the file's bytes.
        public var contentHash: String
        /// The id the article states or that follows from its explicit date; nil to keep the stored id
        /// (or to derive one from the first-seen time for a new file).
        public var fixedID: String?
        /// When the file was last modified, if known and plausible: a new file's first-seen time, rather than
        /// the moment Crier happened to run.
        public var modified: Timestamp?

        /// Creates an observation.
        public init(path: String, contentHash: String, fixedID: String? = nil, modified: Timestamp? = nil) {
            self.path = path
            self.contentHash = contentHash
            self.fixedID = fixedID
            self.modified = modified
        }
    }

    /// Records files as seen at `now`, in one transaction, and returns their states in the same order.
    ///
    /// A new path gets `firstSeen` = its modification time (`Observation.modified`), else `now`, moved on by
    /// whole seconds while another article already has that second: files copied or checked out together share
    /// a modification time, and entries with one date have no order in a reader. Observations come in path
    /// order, so the earlier path keeps the second. A changed hash sets `changed = now`; an unchanged file is
    /// left alone. The id kept is the observation's `fixedID`, else the stored one, else
    /// `idForFirstSeen(path, firstSeen)`.
    public func record(
        _ observations: [Observation],
        now: Timestamp,
        idForFirstSeen: (_ path: String, _ firstSeen: Timestamp) -> String
    ) throws(StateStoreError) -> [ArticleState] {
        do {
            return try queue.write { db in
                var states: [ArticleState] = []
                states.reserveCapacity(observations.count)
                var taken: FirstSeenSeconds?
                for observation in observations {
                    var state: ArticleState
                    let old = try Self.fetch(observation.path, in: db)
                    if let old {
                        state = old
                        if old.contentHash != observation.contentHash {
                            state.contentHash = observation.contentHash
                            state.changed = now
                        }
                        state.assignedID = observation.fixedID ?? old.assignedID
                    } else {
                        if taken == nil { taken = try FirstSeenSeconds(in: db, from: observations, now: now) }
                        let firstSeen = taken!.claim(observation.modified ?? now)
                        state = ArticleState(
                            path: observation.path, firstSeen: firstSeen, contentHash: observation.contentHash,
                            changed: nil, assignedID: observation.fixedID ?? idForFirstSeen(observation.path, firstSeen))
                    }
                    if state != old {
                        try Self.save(state, in: db)
                    }
                    states.append(state)
                }
                return states
            }
        } catch {
            throw StateStoreError(path: path, message: "\(error)")
        }
    }

    /// The first-seen seconds already given out, from the earliest a new file of this batch may claim on.
    private struct FirstSeenSeconds {
        var seconds: Set<Int64>
        /// For a taken second, a later one to look at next: every second from the key up to (not including) the
        /// value is taken. Files copied or checked out together share a modification time, and without these
        /// jumps each of them walked the whole run of seconds the ones before it took: 10,000 such files made
        /// 50 million set lookups, a tenth of a cold build.
        var nextToTry: [Int64: Int64] = [:]

        /// Loads, in one query, every stored first-seen second at or after the earliest candidate of `observations`.
        init(in db: Database, from observations: [Observation], now: Timestamp) throws {
            let earliest = observations.map { ($0.modified ?? now).secondsSinceEpoch }.min() ?? now.secondsSinceEpoch
            seconds = Set(try Int64.fetchAll(db, sql: "SELECT firstSeen FROM article WHERE firstSeen >= ?", arguments: [earliest]))
        }

        /// `candidate`, or the first later second nobody has, which it then takes (offset kept).
        mutating func claim(_ candidate: Timestamp) -> Timestamp {
            var second = candidate.secondsSinceEpoch
            var walked: [Int64] = []
            while seconds.contains(second) {
                walked.append(second)
                second = nextToTry[second] ?? second + 1
            }
            seconds.insert(second)
            // Everything walked, and the second just taken, is taken up to `second`: the next claim jumps past it.
            for taken in walked { nextToTry[taken] = second + 1 }
            var claimed = candidate
            claimed.secondsSinceEpoch = second
            return claimed
        }
    }

    /// The state of one file, or nil if it was never recorded.
    public func state(for path: String) throws(StateStoreError) -> ArticleState? {
        do {
            return try queue.read { db in try Self.fetch(path, in: db) }
        } catch {
            throw StateStoreError(path: self.path, message: "\(error)")
        }
    }

    /// Forgets a file (it was deleted), so a new file at the same path starts afresh.
    public func forget(path relativePath: String) throws(StateStoreError) {
        do {
            try queue.write { db in try db.execute(sql: "DELETE FROM article WHERE path = ?", arguments: [relativePath]) }
        } catch {
            throw StateStoreError(path: path, message: "\(error)")
        }
    }

    /// Every recorded path, sorted.
    public func recordedPaths() throws(StateStoreError) -> [String] {
        do {
            return try queue.read { db in try String.fetchAll(db, sql: "SELECT path FROM article ORDER BY path") }
        } catch {
            throw StateStoreError(path: path, message: "\(error)")
        }
    }

    private static func fetch(_ path: String, in db: Database) throws -> ArticleState? {
        // Cached statements: preparing the same SQL once per file cost more than running it.
        let statement = try db.cachedStatement(sql: "SELECT * FROM article WHERE path = ?")
        guard let row = try Row.fetchOne(statement, arguments: [path]) else { return nil }
        var changed: Timestamp?
        if let seconds: Int64 = row["changed"] {
            changed = Timestamp(secondsSinceEpoch: seconds, utcOffsetSeconds: row["changedOffset"] ?? 0)
        }
        return ArticleState(
            path: row["path"],
            firstSeen: Timestamp(secondsSinceEpoch: row["firstSeen"], utcOffsetSeconds: row["firstSeenOffset"]),
            contentHash: row["contentHash"],
            changed: changed,
            assignedID: row["assignedID"]
        )
    }

    private static func save(_ state: ArticleState, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO article (path, firstSeen, firstSeenOffset, contentHash, changed, changedOffset, assignedID)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET firstSeen = excluded.firstSeen, firstSeenOffset = excluded.firstSeenOffset,
                    contentHash = excluded.contentHash, changed = excluded.changed, changedOffset = excluded.changedOffset,
                    assignedID = excluded.assignedID
                """
        ).execute(
            arguments: [
                state.path, state.firstSeen.secondsSinceEpoch, state.firstSeen.utcOffsetSeconds, state.contentHash,
                state.changed?.secondsSinceEpoch, state.changed?.utcOffsetSeconds, state.assignedID,
            ]
        )
    }
}
