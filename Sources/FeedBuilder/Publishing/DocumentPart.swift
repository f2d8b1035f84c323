/// Consecutive bytes of a document being written: rendered bytes, or a span of a published file that the new
/// document holds unchanged (fragments kept as they were, with the separators between them), copied by the
/// kernel rather than read and written again.
enum DocumentPart: Sendable {
    case rendered(RenderedChunk)
    case copied(FileSpan)

    /// How many bytes the part adds to the document.
    var count: Int {
        switch self {
        case .rendered(let chunk): chunk.count
        case .copied(let span): span.count
        }
    }

    /// The parts that write `pieces` (consecutive fragments of a document) with `separator` between them, and
    /// before the first when `separatorFirst`: fragments that sit one after the other in the same published file,
    /// with the same separator between them there, are copied as one span.
    static func parts(of pieces: [FragmentPiece], separator: [UInt8], separatorFirst: Bool) -> [DocumentPart] {
        var parts: [DocumentPart] = []
        var pending: [[UInt8]] = []
        var run: FileSpan?
        for (index, piece) in pieces.enumerated() {
            let separated = index > 0 || separatorFirst
            switch piece {
            case .bytes(let bytes):
                if let span = run {
                    parts.append(.copied(span))
                    run = nil
                }
                if separated { pending.append(separator) }
                pending.append(bytes)
            case .slice(let slice):
                if let span = run, span.source === slice.source, separated, slice.offset == span.offset + span.count + separator.count,
                    slice.source.separator == separator
                {
                    run?.count = slice.offset + slice.length - span.offset
                    continue
                }
                if let span = run { parts.append(.copied(span)) }
                if separated { pending.append(separator) }
                if !pending.isEmpty {
                    parts.append(.rendered(RenderedChunk(pieces: pending)))
                    pending = []
                }
                run = FileSpan(source: slice.source, offset: slice.offset, count: slice.length)
            }
        }
        if let span = run { parts.append(.copied(span)) }
        if !pending.isEmpty { parts.append(.rendered(RenderedChunk(pieces: pending))) }
        return parts
    }
}

/// Bytes of a published file to copy into a new document.
struct FileSpan: Sendable {
    let source: SourceFile
    let offset: Int
    var count: Int
}
