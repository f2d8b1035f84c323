#!/usr/bin/env python3
"""Write a folder of hostile article files for Crier's end-to-end tests.

Usage: make_hostile.py OUTDIR

Creates OUTDIR/source (the source folder, with crier.yml) and OUTDIR/outside (a folder the source's symlinks
point into, holding a secret that must never appear in any output), and writes OUTDIR/expected.json:

    {"source": ..., "secret": ..., "published": [paths], "leftOut": [paths], "failed": [paths],
     "ignored": [paths]}

`published` files must become entries; `failed` ones must be reported as failed (unreadable or invalid);
`leftOut` ones are deliberately not published (no body, symlink out of the folder) and must be reported too;
`ignored` ones (hidden files, editor leftovers) are not article files and need no report. Everything binary is
generated here, so the fixture needs no binary files in git. Output is deterministic (seeded generator).
"""

import json
import os
import random
import sys

SECRET = "CRIER-SECRET-7f3a9c-do-not-publish"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_hostile.py OUTDIR")
    root = os.path.abspath(sys.argv[1])
    source = os.path.join(root, "source")
    outside = os.path.join(root, "outside")
    os.makedirs(source, exist_ok=True)
    os.makedirs(outside, exist_ok=True)
    expected = {"source": source, "secret": SECRET, "published": [], "leftOut": [], "failed": [], "ignored": []}
    rng = random.Random(20241124)

    def put(path, data, kind):
        full = os.path.join(source, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected[kind].append(path)

    def link(path, target, kind):
        full = os.path.join(source, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        os.symlink(target, full)
        if kind:
            expected[kind].append(path)

    with open(os.path.join(source, "crier.yml"), "w", encoding="utf-8") as config:
        # limit 0: every entry in one feed, so readers see the exact count.
        config.write('title: "Hostile <input> & ]]> test"\nbase_url: https://hostile.example.com/\n'
                     'description: "Files chosen to break feed generators"\ntime_zone: Europe/Paris\nlimit: 0\n'
                     'author: Test Author\n')

    # The secret, outside the source folder, reachable only through symlinks.
    for name in ("secret.md", "secret.txt"):
        with open(os.path.join(outside, name), "w", encoding="utf-8") as handle:
            handle.write("---\ntitle: %s\ndate: 2024-01-01\n---\n\n%s in the body.\n" % (SECRET, SECRET))

    # --- Encodings -------------------------------------------------------------------------------------
    put("encoding/windows-1252.txt",
        "Caf\u00e9 \u201cquoted\u201d na\u00efve \u2013 \u20ac5\n\nA paragraph saved by an old editor: "
        "\u00e0 la carte, d\u00e9j\u00e0 vu, \u2018single\u2019 quotes\u2026\n".encode("cp1252"), "published")
    put("encoding/mojibake.md",
        "---\ntitle: \"CafÃ© dÃ©jÃ  vu â€” mojibake\"\ndate: 2024-02-01\n---\n\nText that was decoded "
        "twice: â€œquotedâ€\x9d and Ã¼ber.\n", "published")
    put("encoding/bom-crlf.md",
        b"\xef\xbb\xbf---\r\ntitle: BOM and CRLF\r\ndate: 2024-02-02 10:00\r\n---\r\n\r\nWindows line ends\r\n"
        b"in a paragraph.\r\n\r\nSecond paragraph.\r\n", "published")
    put("encoding/utf16-bom.txt", "\ufeffUTF-16 title\n\nBody written as UTF-16 little endian.\n"
        .encode("utf-16-le"), "published")
    put("encoding/invalid-utf8.txt",
        b"Invalid UTF-8 \xc3\x28 sequences\n\nOverlong \xc0\xaf, truncated \xe2\x82, lone continuation \x80\x81"
        b" surrogate \xed\xa0\x80 and \xf8\x88\x80\x80\x80 five-byte forms.\n", "published")
    # YAML's escapes put control characters into the title; the body has them raw.
    put("encoding/control-characters.md",
        "---\ntitle: \"Bell \\a escape \\e[31m and \\x01 in title\"\ndate: 2024-02-03\n---\n\nVertical tab \x0b, "
        "form feed \x0c, escape \x1b[31m red, DEL \x7f, C1 \u0085 \u009b, non-characters \ufffe \uffff.\n",
        "published")
    put("encoding/control-in-yaml.md", "---\ntitle: \"raw \x1b[31m escape\"\n---\n\nBody.\n", "failed")
    put("encoding/nul-in-text.txt", b"Title with NUL\n\nBody \x00 with a NUL byte.\n", "failed")
    put("encoding/nul-in-html.html",
        b"<html><head><title>NUL in HTML</title></head><body><article><p>Before \x00 after, and "
        b"\x01\x02\x1b controls.</p></article></body></html>", "published")

    # --- Markup that breaks naive generators -----------------------------------------------------------
    put("markup/cdata-breakers.md",
        "---\ntitle: \"Ends ]]> and </item></channel></rss> <![CDATA[ x\"\ndate: 2024-03-01\n"
        "summary: \"]]></summary></entry> & <b>\"\n---\n\nBody with ]]> and </item> </entry> </content>"
        " <![CDATA[ unclosed and `]]>` in code.\n\n```\n]]></item>\n```\n", "published")
    put("markup/script.md",
        "---\ntitle: \"<script>alert('title')</script>\"\ndate: 2024-03-02\n---\n\n<script>alert(1)</script>\n\n"
        "<img src=x onerror=alert(2)> [click](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">a</a>\n\n"
        "<iframe src=\"https://evil.example/\"></iframe><svg onload=alert(5)></svg>\n\n"
        "<a href=\"&#106;avascript:alert(6)\">encoded</a> <a href=\"java\tscript:alert(7)\">tab</a>\n", "published")
    # Not script.html: beside script.md it would share the link /markup/script/ (see collisions/ below).
    put("markup/script-page.html",
        "<!DOCTYPE html><html><head><title>Script page</title><script>alert(1)</script>"
        "<meta name=\"description\" content=\"desc with <script> and ]]>\"></head><body onload=\"alert(2)\">"
        "<nav>menu</nav><article><h1>Script page</h1><p>Text <img src=\"x\" onerror=\"alert(3)\"> and "
        "<a href=\"javascript:alert(4)\">link</a> <a href=\" javascript:alert(5)\">spaced</a>.</p>"
        "<object data=\"x.swf\"></object><embed src=\"x.swf\"><form><input></form>"
        "<p style=\"background:url(javascript:alert(6))\">styled</p></article></body></html>", "published")
    # Inline styles: what may load, run or cover the reader's page goes, the rest stays.
    put("markup/styles.md",
        "---\ntitle: Inline styles\ndate: 2024-03-04\n---\n\n<p style=\"position:fixed;top:0;left:0;z-index:9999;"
        "color:red\">fixed overlay</p>\n\n<p style=\"background:url(javascript:alert(1))\">script URL</p>\n\n"
        "<div style=\"width: expression(alert(2))\">IE expression</div>\n\n<p style=\"color:#0a0; behavior:url(x.htc);"
        " font-weight: bold\">behaviour</p>\n\n<p style=\"font-family: \\'Comic Sans MS\\'; color: \\72 ed\">escapes</p>\n\n"
        "<p style=\"margin: 0 auto; padding: 4px; border: 1px solid #ccc\">safe box</p>\n\n"
        "<svg width=\"10\" height=\"10\"><circle r=\"5\" style=\"fill:red\"/><text>svg text</text></svg>\n", "published")
    # Characters readers treat as damage, as references and raw: &#0; (U+FFFD in CommonMark and HTML5),
    # noncharacters, DEL and C1 controls.
    damage_refs = "NUL &#0; FDD0 &#xFDD0; FFFE &#xFFFE; 1FFFF &#x1FFFF; DEL &#x7F; C1 &#x85; FFFD &#xFFFD; end"
    damage_raw = "raw \ufffd \ufdd0 \U0001fffe \x7f end"
    put("encoding/damage.md", "---\ntitle: \"Damage \\uFFFD\\uFDD0 in the title\"\ndate: 2024-02-04\n---\n\n%s\n\n%s\n"
        % (damage_refs, damage_raw), "published")
    put("encoding/damage-page.html", "<html><head><title>Damage in HTML \ufffd</title></head><body><article><p>%s</p>"
        "<p>%s</p></article></body></html>" % (damage_refs, damage_raw), "published")
    # Two articles claiming one link: the older keeps it, the newer is reported and not published.
    put("collisions/older.md", "---\ntitle: Older claim\ndate: 2024-01-05\nslug: claimed\n---\n\nFirst.\n", "published")
    put("collisions/newer.md", "---\ntitle: Newer claim\ndate: 2024-01-06\nslug: claimed\n---\n\nSecond.\n", "failed")
    put("markup/entities.html",
        "<html><head><title>Entities &eacute;t&eacute; &amp; &hellip;</title></head><body><article>"
        "<p>&copy; &nbsp; &mdash; &lt;b&gt; &bogus; &#x1F600; &#0; &#xD800; &#1114112; &amp;amp;</p>"
        "<p>Second paragraph with &laquo;guillemets&raquo;.</p></article></body></html>", "published")
    put("markup/xxe.html",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY secret SYSTEM \"file://%s/secret.md\">"
        "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
        "<html><head><title>XXE attempt</title></head><body><article><p>Entity: &secret; and &lol2;</p>"
        "<p>A paragraph of ordinary text so the article has a body.</p></article></body></html>" % outside,
        "failed")  # the internal subset hides <body> from libxml2's HTML parser: reported, not read
    put("markup/external-dtd.html",
        "<!DOCTYPE html SYSTEM \"file://%s/secret.md\">\n<html><head><title>External DTD</title></head><body>"
        "<article><p>Entity &secret; stays text; the DTD is never fetched.</p></article></body></html>" % outside,
        "published")
    put("markup/deep-nesting.html",
        "<html><head><title>Deep nesting</title></head><body><article><p>Text before.</p>"
        + "<div>" * 20000 + "deep" + "</div>" * 20000 + "</article></body></html>", "published")
    put("markup/deep-quote.md",
        "---\ntitle: Deep quote\ndate: 2024-03-03\n---\n\nText before.\n\n" + "> " * 3000 + "deep\n", "published")

    # --- Empty and degenerate files ------------------------------------------------------------------
    put("empty/empty.md", b"", "failed")
    put("empty/whitespace.txt", b"  \n\t\n   \r\n\n", "failed")
    put("empty/title-only.txt", "Just a title\n", "leftOut")
    put("empty/front-matter-only.md", "---\ntitle: Front matter only\ndate: 2024-04-01\n---\n", "leftOut")
    words = [rng.choice(["alpha", "beta", "gamma", "delta", "crier", "feed", "élan", "naïve"]) for _ in range(20000)]
    put("size/one-long-line.txt", "One long line\n\nTwenty thousand words on one line: " + " ".join(words) + "\n", "published")
    paragraphs = []
    size = 0
    while size < 10 * 1024 * 1024:
        paragraph = " ".join(rng.choice(words) for _ in range(120))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    put("size/ten-megabytes.txt", "Ten megabytes\n\n" + "\n\n".join(paragraphs) + "\n", "failed")
    put("binary/image.txt", bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        + bytes(rng.randrange(256) for _ in range(4096)), "failed")
    put("binary/elf.md", b"\x7fELF\x02\x01\x01\x00" + bytes(rng.randrange(256) for _ in range(4096)), "failed")

    # --- Front matter and dates ----------------------------------------------------------------------
    put("front/unterminated.md", "---\ntitle: Never closed\ndate: 2024-05-01\n\nBody that never starts.\n", "failed")
    put("front/broken-yaml.md", "---\ntitle: [unclosed\ndate: : :\n---\n\nBody.\n", "failed")
    put("front/not-a-mapping.md", "---\n- just\n- a list\n---\n\nBody.\n", "failed")
    put("front/wrong-types.md", "---\ntitle: {nested: map}\ndate: 2024-05-02\n---\n\nBody.\n", "failed")
    put("front/yaml-bomb.md",
        "---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
        "tags: *i\ndate: 2024-05-03\n---\n\nBody.\n", "failed")
    put("front/deep-yaml.md", "---\ntitle: Deep\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n\nBody.\n", "failed")
    put("dates/impossible.md", "---\ntitle: Impossible date\ndate: 2024-13-45\n---\n\nBody.\n", "failed")
    put("dates/february-30.txt", "Date: 2024-02-30\nTitle: February 30\n\nBody.\n", "failed")
    put("dates/with-zone.md", "---\ntitle: With zone\ndate: 2024-06-01T09:30:00+05:45\n---\n\nBody.\n", "published")
    put("dates/without-zone.md", "---\ntitle: Without zone\ndate: 2024-06-01 09:30\n---\n\nBody.\n", "published")
    put("dates/utc.md", "---\ntitle: UTC\ndate: 2024-06-01T09:30:00Z\nupdated: 2024-06-02T00:00:00Z\n---\n\n"
        "Body.\n", "published")
    put("dates/1999-12-31-file-name-date.txt", "File name date\n\nThe date comes from the file name.\n", "published")
    put("dates/2023-02-29-bad-file-name-date.txt", "Bad file name date\n\nNo such day; first-seen time.\n",
        "published")
    put("dates/same-title-a.md", "---\ntitle: Same title\ndate: 2024-07-01\n---\n\nSame body.\n", "published")
    put("dates/same-title-b.md", "---\ntitle: Same title\ndate: 2024-07-01\n---\n\nSame body.\n", "published")

    # --- Scripts and languages -----------------------------------------------------------------------
    put("i18n/rtl.md", "---\ntitle: \"مرحبا بالعالم \u202e gnp.exe\"\ndate: 2024-08-01\nlang: ar\n---\n\n"
        "שלום עולם. نص عربي مع English في الوسط \u200f\u200e.\n", "published")
    put("i18n/cjk.txt", "「日本語の題名」\n\n中文正文，한국어 본문。ｆｕｌｌｗｉｄｔｈ 𠜎𠜱 (astral CJK).\n", "published")
    put("i18n/emoji.md", "---\ntitle: \"👩‍👩‍👧‍👦 🏳️‍🌈 🇫🇷🇯🇵 👋🏽 🧑🏿‍🚀\"\ndate: 2024-08-02\n"
        "tags: [\"🔥\", \"e\u0301t\u00e9\"]\n---\n\nFamily 👨‍👩‍👧, flags 🇺🇦🇪🇺, skin tones 👍🏻👍🏿, keycap 1️⃣, "
        "combining a\u0301\u0302\u0303\u0304.\n", "published")

    # --- Names and places ----------------------------------------------------------------------------
    put("names/with spaces in name.md", "---\ntitle: Spaces\ndate: 2024-09-01\n---\n\nBody.\n", "published")
    put("names/café – ünïcödé 日本.md", "---\ntitle: Non-ASCII name\ndate: 2024-09-02\n---\n\nBody.\n",
        "published")
    put("names/what? #1 100% & <x>.txt", "Odd characters\n\nA file name with ? # % & < >.\n", "published")
    put("names/!!!.md", "---\ntitle: Punctuation only\ndate: 2024-09-03\n---\n\nBody.\n", "published")
    deep = "/".join("level%02d" % level for level in range(30))
    put(deep + "/deep.md", "---\ntitle: Thirty levels down\ndate: 2024-09-04\n---\n\nBody.\n", "published")
    put(".hidden.md", "---\ntitle: Hidden %s\n---\n\nHidden.\n" % SECRET, "ignored")
    put(".hidden-folder/post.md", "---\ntitle: Hidden folder\n---\n\nHidden.\n", "ignored")
    put("names/backup.md~", "editor backup", "ignored")
    put("names/.backup.md.swp", b"b0VIM 8.2\x00\x00", "ignored")
    put("names/#autosave.md#", "emacs autosave", "ignored")
    put("names/.#lock.md", "emacs lock", "ignored")
    put("names/4913", "vim probe", "ignored")
    put("names/notes.docx", b"PK\x03\x04\x00\x00", "ignored")

    # --- Symlinks out of the folder ------------------------------------------------------------------
    link("links/secret-link.md", os.path.join(outside, "secret.md"), "leftOut")
    link("links/relative-secret.txt", "../../outside/secret.txt", "leftOut")
    link("links/outside-folder", outside, None)
    link("links/outside-folder.md", outside, "leftOut")
    link("links/dangling.md", os.path.join(outside, "no-such-file.md"), "leftOut")
    link("links/loop", "loop", None)

    for key in ("published", "leftOut", "failed", "ignored"):
        expected[key].sort()
    with open(os.path.join(root, "expected.json"), "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=1)
    print(source)


if __name__ == "__main__":
    main()
