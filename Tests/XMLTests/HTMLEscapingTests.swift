import Testing
import XML

@Suite struct HTMLEscapingTests {
    @Test func theFourMarkupCharactersAreEscapedAndNothingElse() {
        #expect(HTMLEscaping.escaped(#"a < b & "c" > d"#) == "a &lt; b &amp; &quot;c&quot; &gt; d")
        #expect(HTMLEscaping.escaped("it’s “fine” — é 🙂 ' \u{0}") == "it’s “fine” — é 🙂 ' \u{0}")
        #expect(HTMLEscaping.escaped("") == "")
    }
}
