import FeedModel
import Parallel
import Platform
import Validation

/// Step 1 of a publish: the output folder, the pages left as they are, and the documents to render, each with
/// a temp file beside its target.
struct PublishStage {
    /// The output folder's path, without a trailing slash.
    var directory: String
    /// Pages whose inputs and file are both unchanged since this publisher's last publish: not rendered.
    var skipped: [String] = []
    /// Pages to render, in the order of `PreparedFeed.allPages`.
    var documents: [StagedDocument] = []

    /// Removes every temp file not yet renamed into place.
    func discardTemporaries() {
        for document in documents { document.temporary.discard() }
    }
}

/// A page to render, its target path and the temp file its bytes go to first.
struct StagedDocument {
    var page: FeedPage
    /// The feed the page belongs to: its position in `PreparedFeed.feeds` (0 for the site feed).
    var feedIndex: Int
    /// The path the document is published at.
    var target: String
    /// Where the bytes are written until the commit renames them into place.
    var temporary: AtomicFile.Temporary
    /// What the page is rendered from; nil when a later publish could not recognise it (no cache, a
    /// caller's check).
    var inputs: PageInputs?
    /// What the document holds, fragment by fragment, for the `PublishMemory` once it is in place; nil
    /// without a memory, or when the record is incomplete.
    var contents: PublishMemory.Contents?
}

extension FeedPublisher {
    /// Creates the output folder, removes temp files a killed publish left there, and creates a temp file for
    /// every page that must be rendered (closed until it is written, so thousands of pages hold no descriptor).
    /// A page is skipped when the check allows it and both its inputs and its file on disk are what this
    /// publisher last published (`PageHistory`).
    func stage(_ feed: PreparedFeed, checkedBy check: DocumentCheck) throws(PublishError) -> PublishStage {
        var directory = outputDirectory.path(percentEncoded: false)
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        try AtomicFile.createDirectory(directory)
        // What may have changed in the output folder since the last publish, when someone observes it.
        let changes = observer?.changes()
        removeLeftoverTemporaries(of: feed, in: directory, changes: changes)

        var stage = PublishStage(directory: directory)
        var createdDirectories: Set<String> = [directory]
        // One context per feed, the very object of the last publish when equal to it, so each page's record
        // compares it by identity instead of field by field.
        let history = self.history
        let contexts = feed.feeds.map { planned in
            check.allowsSkippingUnchangedPages
                ? history.context(
                    description: planned.description, generator: feed.generator, for: planned.description.outputs.first?.fileName ?? "")
                : nil
        }
        // Each page by its place (feed, page) with its folder and name, not a copy of the page: the pages are
        // read where they are, since copying 2,400 of them (six strings each) into this list and out of it on two
        // threads cost more than deciding which of them to render.
        let pages = feed.feeds.indices.flatMap { feedIndex in
            feed.feeds[feedIndex].pages.indices.map { pageIndex in
                (feedIndex: feedIndex, pageIndex: pageIndex, parts: AtomicFile.split(feed.feeds[feedIndex].pages[pageIndex].fileName))
            }
        }
        // Whether each page's inputs and file are those last published, on all cores: at 2,400 pages this was
        // most of a `crier watch` update's staging. A file in a folder the observer saw quiet is the one last
        // published without a look at it; any other is examined by its name in its folder, opened once (a `stat` of
        // the whole path walked every folder above it again).
        func folderPath(_ relative: String) -> String { relative == "." ? directory : directory + "/" + relative }
        var folders: [String: FileDescriptor] = [:]
        // Each quiet folder (relative) with the names touched in it.
        var quiet: [String: Set<String>] = [:]
        if contexts.contains(where: { $0 != nil }) {
            for item in pages where folders[item.parts.directory] == nil && quiet[item.parts.directory] == nil {
                let path = folderPath(item.parts.directory)
                if let changes, changes.quietFolders.contains(path) {
                    let prefix = path + "/"
                    quiet[item.parts.directory] = Set(changes.touched.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
                    if quiet[item.parts.directory]?.isEmpty ?? true { continue }
                }
                if let opened = try? FileDescriptor.open(readingAt: path) { folders[item.parts.directory] = opened }
            }
        }
        defer { for descriptor in folders.values { try? descriptor.close() } }
        let (opened, trusted) = (folders, quiet)
        let unchanged: [Bool] = Parallel.map(count: pages.count, run: 64) { index in
            let (feedIndex, pageIndex) = (pages[index].feedIndex, pages[index].pageIndex)
            guard let context = contexts[feedIndex],
                let inputs = feed.inputs(of: feed.feeds[feedIndex].pages[pageIndex], in: feed.feeds[feedIndex], context: context)
            else { return false }
            if let touched = trusted[pages[index].parts.directory], !touched.contains(pages[index].parts.name) {
                return history.isUnchanged(inputs)
            }
            guard let descriptor = opened[pages[index].parts.directory] else { return false }
            return history.isUnchanged(inputs, stamp: FileStamp(regularFileAt: pages[index].parts.name, in: descriptor))
        }
        // Pages another process (or an earlier publisher) left as they would be now (`PublishMemory`).
        let remembered: [Bool] =
            feed.store.remembered == nil || !check.allowsSkippingUnchangedPages
            ? unchanged.map { _ in false }
            : Parallel.map(count: pages.count, run: 16) { index in
                let feedIndex = pages[index].feedIndex
                return !unchanged[index] && feed.isAsRemembered(feed.feeds[feedIndex].pages[pages[index].pageIndex], in: feed.feeds[feedIndex])
            }
        do {
            for index in pages.indices {
                let (unchanged, remembered) = (unchanged[index], remembered[index])
                let (feedIndex, pageIndex) = (pages[index].feedIndex, pages[index].pageIndex)
                if unchanged || remembered {
                    stage.skipped.append(feed.feeds[feedIndex].pages[pageIndex].fileName)
                    if remembered, let context = contexts[feedIndex] {
                        let page = feed.feeds[feedIndex].pages[pageIndex]
                        if let inputs = feed.inputs(of: page, in: feed.feeds[feedIndex], context: context) {
                            // Its file is validated and in place: later publishes of this publisher skip it cheaply.
                            history.remember(inputs, target: directory + "/" + page.fileName)
                        }
                    }
                    continue
                }
                let page = feed.feeds[feedIndex].pages[pageIndex]
                let target = directory + "/" + page.fileName
                let inputs = contexts[feedIndex].flatMap { feed.inputs(of: page, in: feed.feeds[feedIndex], context: $0) }
                // Forgotten before rendering, so a publish that fails halfway leaves no stale record.
                history.forget(page.fileName)
                let folder = AtomicFile.split(target).directory
                if createdDirectories.insert(folder).inserted { try AtomicFile.createDirectory(folder) }
                let temporary = try AtomicFile.temporary(for: target)
                stage.documents.append(
                    StagedDocument(page: page, feedIndex: feedIndex, target: target, temporary: temporary, inputs: inputs))
                try temporary.close()
            }
        } catch {
            stage.discardTemporaries()
            throw error
        }
        // From now on, changes to these folders are what the next publish asks the observer about.
        observer?.observe(folders: Set(Set(pages.map(\.parts.directory)).map(folderPath)))
        return stage
    }

    /// Deletes temp files of our outputs that a killed publish left behind.
    ///
    /// The caller holds the output folder's lock (`OutputLock`), so no other publish can own them; without
    /// this, every `kill -9` mid-publish would leave a feed-sized file forever and a small disk would fill up.
    /// Best effort: a leftover that cannot be removed does not stop the publish.
    ///
    /// A folder the observer saw quiet, no name in it touched, cannot have gained a temp file since it was last
    /// swept, and is not listed again.
    private func removeLeftoverTemporaries(of feed: PreparedFeed, in directory: String, changes: OutputChanges?) {
        let touchedFolders = changes?.touchedFolders ?? []
        // The outputs' file names by folder, so a folder holding several (the three formats of a feed, side by
        // side) is listed once, not once per output: the site's folder holds every archive page.
        var outputNames: [String: [String]] = [:]
        var folders: [String] = []
        for output in feed.feeds.flatMap(\.description.outputs) {
            let (subdirectory, name) = AtomicFile.split(output.fileName)
            let folder = subdirectory == "." ? directory : directory + "/" + subdirectory
            if outputNames[folder] == nil { folders.append(folder) }
            outputNames[folder, default: []].append(name)
        }
        for folder in folders {
            if let changes, changes.quietFolders.contains(folder), !touchedFolders.contains(folder) { continue }
            guard let names = try? AtomicFile.names(in: folder), let outputs = outputNames[folder] else { continue }
            for candidate in names {
                guard let target = AtomicFile.TemporaryName.target(of: candidate),
                    outputs.contains(where: { target == $0 || FeedPage.archiveNumber(of: target, for: $0) != nil })
                else { continue }
                try? AtomicFile.remove(folder + "/" + candidate)
            }
        }
    }
}
