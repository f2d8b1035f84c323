/// A growable byte buffer that appends with `memcpy`-sized steps.
///
/// The cleaner appends hundreds of short pieces per body (tag names, runs of text between escapes); `[UInt8]`'s
/// generic `append(contentsOf:)` cost more per call than the copying itself. One allocation, doubled when full,
/// freed when the sink goes.
final class ByteSink {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (start + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// The bytes as a `String`, ill-formed UTF-8 repaired (there is none: every piece was checked before).
    var string: String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = newCapacity
    }
}
