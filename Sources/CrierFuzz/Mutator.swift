/// Makes new inputs from seed inputs: byte flips, insertions (random bytes and tokens that matter to the
/// parsers), deletions, duplications, splices of two seeds and truncations, stacked a few at a time.
struct Mutator {
    /// Byte strings that steer the parsers into their interesting branches: front matter fences, header keys,
    /// XML markup and entities, encodings' special bytes.
    static let tokens: [[UInt8]] =
        [
            "---\n", "...\n", "\n\n", "\r\n", "\r", ": ", "title: ", "date: ", "Date: ", "Title: ", "tags: [", "- ", "&a ", "*a",
            "!!binary ", "{", "}", "[", "]", "\"", "'", "\\", "<", ">", "&", "&amp;", "&#0;", "&#x10FFFF;", "&bogus;",
            "]]>", "<![CDATA[", "<!--", "-->", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<script>", "javascript:", "xmlns=\"http://www.w3.org/2005/Atom\"",
            "<item>", "</item>", "<entry>", "</entry>", "<channel>", "{\"version\":\"https://jsonfeed.org/version/1.1\"",
            "2024-13-45", "2024-02-29T24:00:00+99:99", "9999-12-31T23:59:59-14:00", "Thu, 31 Feb 2024 25:61:61 +2500",
        ].map { Array($0.utf8) } + [
            [0x00], [0xFF], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0x1B], [0x0B], [0x85], [0xE2, 0x80, 0xAE], [0xEF, 0xBF, 0xBE],
        ]

    var generator: SeededGenerator
    let seeds: [[UInt8]]

    /// A new input: one seed with one to eight mutations applied.
    mutating func next() -> [UInt8] {
        var input = seeds.randomElement(using: &generator) ?? []
        let count = Int.random(in: 1...8, using: &generator)
        for _ in 0..<count { mutate(&input) }
        return input
    }

    private mutating func position(in input: [UInt8]) -> Int {
        Int.random(in: 0...input.count, using: &generator)
    }

    private mutating func mutate(_ input: inout [UInt8]) {
        switch Int.random(in: 0..<8, using: &generator) {
        case 0 where !input.isEmpty:
            let index = Int.random(in: 0..<input.count, using: &generator)
            input[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
        case 1:
            let bytes = (0..<Int.random(in: 1...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            input.insert(contentsOf: bytes, at: position(in: input))
        case 2, 3:
            let token = Self.tokens.randomElement(using: &generator) ?? []
            input.insert(contentsOf: token, at: position(in: input))
        case 4 where !input.isEmpty:
            let start = Int.random(in: 0..<input.count, using: &generator)
            let end = min(input.count, start + Int.random(in: 1...64, using: &generator))
            input.removeSubrange(start..<end)
        case 5 where !input.isEmpty:
            let start = Int.random(in: 0..<input.count, using: &generator)
            let end = min(input.count, start + Int.random(in: 1...256, using: &generator))
            let chunk = Array(input[start..<end])
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                input.insert(contentsOf: chunk, at: position(in: input))
            }
        case 6:
            let other = seeds.randomElement(using: &generator) ?? []
            guard !other.isEmpty else { return }
            let start = Int.random(in: 0..<other.count, using: &generator)
            let end = min(other.count, start + Int.random(in: 1...512, using: &generator))
            input.insert(contentsOf: other[start..<end], at: position(in: input))
        case 7 where !input.isEmpty:
            input.removeSubrange(position(in: input)...)
        default:
            input.append(UInt8.random(in: 0...255, using: &generator))
        }
    }
}
