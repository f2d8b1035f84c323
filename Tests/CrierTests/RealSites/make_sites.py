#!/usr/bin/env python3
"""Write folders shaped like real sites, for the tests that hold Crier's output to "clean in every reader".

Usage: make_sites.py OUTDIR [SITE...]     SITE is news, blog or pages (default: all three)

Each site is OUTDIR/SITE (a source folder with its crier.yml); OUTDIR/sites.json lists, per site, the number
of articles that must be published. Everything is generated here from a seeded generator and fixed word
lists, so the same call gives byte-identical files and identical modification times.

- news: a news site copied off a server: five section folders whose file names repeat (business/001.txt,
  sport/001.txt, ...), plain text without dates, so every date is a first-seen date taken from the file's
  modification time. Whole sections share one modification time (a copy or checkout touches many files in the
  same second), so ties must be broken. limit 50, several archive pages.
- blog: a project blog in Markdown: front matter with date-only dates (several posts on one day), undated
  posts, a file name repeated in two folders, inline styles safe and unsafe, HTML entities, tables,
  footnotes, task lists, code, `&` and `<` in titles, authors with and without e-mail. limit 10.
- pages: web pages saved from a browser: navigation, scripts, styles, comment forms, inline styles, entities,
  relative links and images, Open Graph metadata, some without a date. limit 0.
"""

import json
import os
import random
import sys

WORDS = """
agreement airport answer area autumn board bridge budget campaign capital centre chance club coach committee
company concert council court crowd deal debate decision director district drama economy election engine
evening factory festival film final firm fund game goal government growth harbour health industry inquiry
island journey judge league market match minister morning museum network office orchestra park party
phone plan player police policy price profit project railway record region report rule school season
share signal software squad stadium star station strike studio summer system team theatre title tour
trade train treaty union valley vote weather winter worker
""".split()
VERBS = """
announces approves backs blocks cuts delays doubles drops ends faces finds gains hires launches leads
loses opens plans posts raises rejects returns reveals signs slows starts stops takes tests wins
""".split()
NAMES = "Abbott Baxter Chandra Delgado Evans Fischer Grant Hughes Iqbal Jones Khan Lewis Murphy Nolan".split()


def sentence(rng):
    words = ["The", rng.choice(WORDS), rng.choice(VERBS), "a", rng.choice(WORDS)]
    while len(words) < rng.randint(9, 18):
        roll = rng.random()
        if roll < 0.2:
            words += ["with", rng.choice(NAMES)]
        elif roll < 0.3:
            words.append(str(rng.randint(2, 900)))
        else:
            words += [rng.choice(["for", "after", "near", "in", "of"]), "the", rng.choice(WORDS)]
    return " ".join(words) + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def headline(rng):
    return "%s %s %s %s" % (rng.choice(WORDS).capitalize(), rng.choice(VERBS), rng.choice(WORDS), rng.choice(NAMES))


def write(path, data, mtime):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.utime(path, (mtime, mtime))


BASE_TIME = 1717236000  # 2024-06-01T10:00:00Z: every modification time is set from here, never from the clock


def news(root, rng):
    """Five sections of undated plain-text articles with repeating file names."""
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "crier.yml"), "w", encoding="utf-8") as config:
        config.write("title: Daily Courier\nbase_url: https://news.example.com/\ndescription: News by section\n"
                     "language: en-GB\ntime_zone: Europe/London\nlimit: 50\nauthor: Newsroom\n")
    titles_with_marks = ["M&S profits rise as shoppers return", "Q&A: what the <new> rules mean for you",
                         "\u201cWe will win\u201d, says coach", "Rates & prices: 5 < 6 again",
                         "AT&T and Orange sign deal"]
    count = 0
    for section_index, section in enumerate(["business", "entertainment", "politics", "sport", "tech"]):
        for number in range(1, 31):
            if number <= len(titles_with_marks) and section_index == 0:
                title = titles_with_marks[number - 1]
            else:
                title = headline(rng)
            subtitle = "%s %s the %s" % (rng.choice(NAMES), rng.choice(VERBS), rng.choice(WORDS))
            body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(3, 6)))
            text = "%s\n%s\n\n%s\n" % (title, subtitle, body)
            if section in ("business", "sport"):
                mtime = BASE_TIME + section_index * 86400  # the whole section copied in one second
            else:
                mtime = BASE_TIME + section_index * 86400 + number * 60
            write(os.path.join(root, section, "%03d.txt" % number), text, mtime)
            count += 1
    return count


STYLES = [
    'style="color: #c00; font-weight: bold"',
    'style="position: absolute; top: 0; left: 0; color: red"',
    'style="background: url(https://tracker.example/pixel.png) no-repeat"',
    'style="font-family: \'Helvetica Neue\', sans-serif; font-size: 1.2em"',
    'style="text-align: right; padding: 4px 8px; border: 1px solid #ccc"',
    'style="width: expression(alert(1))"',
    'style="margin: 0 auto; max-width: 600px; display: block"',
    'style="color: rgb(10, 20, 30); behavior: url(x.htc)"',
    'style="z-index: 9999; opacity: 0.5"',
    'style="COLOR: Blue; Text-Decoration: underline"',
]


def blog(root, rng):
    """A project blog in Markdown with the markup real posts carry."""
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "crier.yml"), "w", encoding="utf-8") as config:
        config.write("title: \"Widget Project Blog\"\nbase_url: https://blog.widgets.example/\n"
                     "description: \"Release notes & engineering posts\"\nlanguage: en\ntime_zone: America/New_York\n"
                     "limit: 10\nauthor:\n  name: Widget Team\n  email: team@widgets.example\n")
    titles = ["Release 2.0: faster & smaller", "Why we replaced <div> soup with CSS grid",
              "Benchmarks: 3 < 4, or how we measure", "Tables, footnotes & other Markdown", "Post-mortem: the outage"]
    count = 0
    for index in range(36):
        year = 2023 + index // 18
        # Date-only dates, several posts on the same day; every fifth post has no date at all.
        day = 1 + (index % 18) // 3
        dated = index % 5 != 4
        title = titles[index] if index < len(titles) else "Engineering notes %d: %s" % (index, headline(rng))
        front = ["---", 'title: "%s"' % title.replace('"', '\\"')]
        if dated:
            front.append("date: %04d-03-%02d" % (year, day))
        if index % 3 == 0:
            front += ["author:", "  name: %s Writer" % rng.choice(NAMES), "  email: writer%d@widgets.example" % index]
        elif index % 3 == 1:
            front.append("author: %s Coder" % rng.choice(NAMES))
        front.append("tags: [%s]" % ", ".join(rng.sample(["release", "css", "performance", "markdown", "ops"], 2)))
        front.append("---")
        style = STYLES[index % len(STYLES)]
        body = [
            paragraph(rng, 3),
            "<p %s>Styled paragraph: %s</p>" % (style, sentence(rng)),
            "Entities: &copy; 2024 &mdash; caf&eacute; &nbsp;&hellip; &#x2014; &#8217;quoted&#8217; &amp; more &lt;tag&gt;.",
            "| Version | Size | Notes |\n|---|---:|---|\n| 1.0 | 120 KB | first |\n| 2.0 | 80 KB | <span %s>smaller</span> |"
            % STYLES[(index + 3) % len(STYLES)],
            "A claim that needs a source.[^1] And another one.[^2]",
            "- [x] done item\n- [ ] open item with `<code>` & ampersand",
            "```html\n<div style=\"position: fixed\">not markup, code</div>\n```",
            "![diagram](images/diagram-%d.png \"A diagram\") and a [relative link](../about/)." % index,
            "[^1]: The first footnote, with a [link](https://widgets.example/docs).\n[^2]: The second footnote.",
        ]
        text = "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"
        name = "index.md" if index in (7, 25) else "%02d-%s.md" % (index, "post")
        write(os.path.join(root, "posts", str(year), name), text, BASE_TIME + index * 3600)
        count += 1
    return count


def pages(root, rng):
    """Pages saved from a browser: the article inside a whole web page."""
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "crier.yml"), "w", encoding="utf-8") as config:
        config.write("title: Saved Reading\nbase_url: https://reading.example.net/\ndescription: Pages kept for later\n"
                     "language: en\nlimit: 0\n")
    count = 0
    for index in range(12):
        title = "%s &amp; the %s" % (headline(rng), rng.choice(WORDS)) if index % 4 == 0 else headline(rng)
        dated = index % 3 != 2
        meta = ['<meta charset="utf-8">', '<meta property="og:title" content="%s">' % title,
                '<meta name="description" content="%s">' % sentence(rng)]
        if dated:
            meta.append('<meta property="article:published_time" content="2024-0%d-1%dT0%d:15:00+02:00">'
                        % (1 + index % 9, index % 10, index % 10))
        meta.append('<meta property="article:tag" content="reading">')
        paragraphs = "".join("<p>%s</p>" % paragraph(rng) for _ in range(3))
        article = (
            "<article><h1>%s</h1>" % title
            + '<p class="byline" style="color:#666;font-size:small">By %s &middot; 5&nbsp;min read</p>' % rng.choice(NAMES)
            + paragraphs
            + '<figure><img src="/img/photo-%d.jpg" alt="photo" style="max-width:100%%;height:auto">' % index
            + "<figcaption>Caption &ldquo;quoted&rdquo; &copy; Agency</figcaption></figure>"
            + '<p style="font-family: Georgia, serif; position: relative; top: -2px">Styled &amp; positioned.</p>'
            + '<p>Read <a href="../other/page-%d.html">the previous page</a> or <a href="#top">go up</a>.</p>' % index
            + '<div onclick="track()" style="background-image: url(javascript:alert(1))">Tracked block</div>'
            + "<table><tr><th>Key</th><td style=\"text-align:center\">Value &lt;1&gt;</td></tr></table>"
            + "</article>"
        )
        page = (
            "<!DOCTYPE html><html lang=\"en\"><head>%s<title>%s | Some Site</title>"
            "<style>body{font:14px sans-serif}</style><script>window.ga=function(){}</script></head>"
            "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>%s"
            "<aside>Related: <a href=\"/x\">x</a></aside><form action=\"/comment\"><textarea></textarea>"
            "<button>Post</button></form><footer>&copy; Some Site</footer>"
            "<script>track('page')</script></body></html>" % ("".join(meta), title, article)
        )
        write(os.path.join(root, "saved", "page-%02d.html" % index), page, BASE_TIME + 7 * 86400 + index * 90)
        count += 1
    return count


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: make_sites.py OUTDIR [news|blog|pages ...]")
    out = os.path.abspath(sys.argv[1])
    chosen = sys.argv[2:] or ["news", "blog", "pages"]
    makers = {"news": news, "blog": blog, "pages": pages}
    counts = {}
    for name in chosen:
        counts[name] = makers[name](os.path.join(out, name), random.Random("crier-real-sites-" + name))
    with open(os.path.join(out, "sites.json"), "w", encoding="utf-8") as handle:
        json.dump({"root": out, "published": counts}, handle, indent=1)
    print(out)


if __name__ == "__main__":
    main()
