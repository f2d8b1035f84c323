import FeedModel
import Testing

@testable import Ingest

@Suite struct EncodingTests {
    static let markdown = "---\ntitle: Café\n---\nNaïve “text”.\n"

    @Test func utf8WithAndWithoutBOM() throws {
        let folder = try TestFolder()
        try folder.write("plain.md", Self.markdown)
        try folder.write("bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.markdown.utf8))
        for path in ["plain.md", "bom.md"] {
            let (entry, warnings) = try entry(folder, path)
            #expect(entry.title == "Café")
            #expect(entry.contentHTML == "<p>Naïve “text”.</p>\n")
            #expect(warnings.isEmpty)
        }
    }

    @Test func utf16WithBOM() throws {
        let folder = try TestFolder()
        let units = Array(Self.markdown.utf16)
        try folder.write("le.md", bytes: [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try folder.write("be.md", bytes: [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        for path in ["le.md", "be.md"] {
            let (entry, _) = try entry(folder, path)
            #expect(entry.title == "Café")
            #expect(entry.contentHTML == "<p>Naïve “text”.</p>\n")
        }
    }

    @Test func invalidUTF8IsReadAsWindows1252WithAWarning() throws {
        let folder = try TestFolder()
        // "Caf\xE9 \x93quoted\x94 \x80 5" in Windows-1252.
        try folder.write(
            "old.txt", bytes: Array("Title\n\nCaf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x80] + Array(" 5\n".utf8))
        let (entry, warnings) = try entry(folder, "old.txt")
        #expect(entry.contentHTML == "<p>Café “quoted” € 5</p>")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("Windows-1252") == true)
    }

    @Test func c1ControlsBecomeWindows1252CharactersOrGo() throws {
        let folder = try TestFolder()
        // Valid UTF-8 holding mojibake (U+0093, U+0094 from “ ”) and the undefined 0x9D.
        try folder.write("mojibake.txt", "Title \u{93}quoted\u{94}\n\nBody \u{80}5 and \u{9D}gone.\n")
        // Invalid UTF-8: read as Windows-1252, whose undefined 0x81 must not survive as U+0081.
        try folder.write("old.txt", bytes: Array("Old\n\nA".utf8) + [0x81, 0xE9] + Array(" b\n".utf8))
        let (mojibake, _) = try entry(folder, "mojibake.txt")
        #expect(mojibake.title == "Title “quoted”")
        #expect(mojibake.contentHTML == "<p>Body €5 and gone.</p>")
        let (old, _) = try entry(folder, "old.txt")
        #expect(old.contentHTML == "<p>Aé b</p>")
        #expect(TextDecoder.replacingC1Controls("plain ascii é") == "plain ascii é")
    }

    @Test func windows1252TableCoversTheWholeHighRange() {
        let decoded = Windows1252.decode([0x80, 0x8A, 0x9F, 0xA0, 0xFF])
        #expect(decoded == "€Š\u{178}\u{A0}ÿ")
    }

    @Test func crlfAndCRBecomeLF() throws {
        let folder = try TestFolder()
        try folder.write("crlf.txt", "Title\r\n\r\nLine one\r\nline two.\r\n\r\nSecond.\r\n")
        try folder.write("cr.md", "---\rtitle: Old Mac\r---\rBody\r")
        #expect(try entry(folder, "crlf.txt").0.contentHTML == "<p>Line one line two.</p>\n<p>Second.</p>")
        let (mac, _) = try entry(folder, "cr.md")
        #expect(mac.title == "Old Mac")
        #expect(mac.contentHTML == "<p>Body</p>\n")
    }

    @Test func emptyAndBinaryFilesFail() throws {
        let folder = try TestFolder()
        try folder.write("empty.md", "")
        try folder.write("blank.txt", "  \n\t\n")
        try folder.write("binary.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01])
        #expect(try problem(folder, "empty.md")?.message == "the file is empty or only whitespace")
        #expect(try problem(folder, "blank.txt")?.message == "the file is empty or only whitespace")
        #expect(try problem(folder, "binary.md")?.message.contains("binary") == true)
    }
}
