import Platform

extension PreparedFeed {
    /// True when the file of `page` is, byte for byte, what rendering it now would give, and passed validation
    /// without a finding when it was written: the `PublishMemory` records a file with the stamp it has now, the
    /// same head, tail and separator (their key), the same variant, and the same fragments in the same order
    /// (their content keys). Such a page need not be rendered or checked in a new process, as `PageHistory`
    /// lets a publisher skip it within one.
    ///
    /// A page whose document drew a warning is always rendered again, so a new process reports it as a cold
    /// build would.
    func isAsRemembered(_ page: FeedPage, in planned: PlannedFeed) -> Bool {
        guard let (memory, keys) = store.remembered, let record = memory.document(page.fileName), record.passedUnder != nil
        else { return false }
        let positions = planned.positions(of: page)
        guard positions.count == record.fragments.count,
            zip(positions, record.fragments).allSatisfy({ keys[$0] == $1.key }),
            ContentKey(FragmentVariant(format: page.format, in: planned.description)) == record.variant
        else { return false }
        let renderer = self.renderer(for: page, in: planned)
        guard let frame = try? renderer.frame(), ContentKey(frame, separator: renderer.separator) == record.contents.frame else {
            return false
        }
        return FileStamp(regularFileAt: memory.outputDirectory + "/" + page.fileName) == record.stamp
    }
}
