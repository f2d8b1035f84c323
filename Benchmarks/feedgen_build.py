#!/usr/bin/env python3
"""Build RSS 2.0 and Atom 1.0 feeds of a Markdown corpus with python-feedgen, as Crier's comparison.

Usage: feedgen_build.py CORPUS OUTDIR

CORPUS is a folder of `*.md` files with YAML front matter (title, date, author, tags, summary), as written by
generate_corpus.py, plus its crier.yml (read for the feed's title, description, base URL and author). Writes
OUTDIR/rss.xml and OUTDIR/atom.xml with every entry, newest first, each with its full rendered content.

Front matter: PyYAML (C loader when built with libyaml) if it is importable, else a tiny parser that knows the
`key: value`, quoted strings and `[a, b]` lists generate_corpus.py writes.

Body: the `markdown` package if it is importable. If not, a small renderer for exactly the Markdown the corpus
uses (paragraphs, *emphasis*, [text](url)) that HTML-escapes the text, so feedgen still carries full HTML
content of the same size and shape as a real renderer's; it does less work than a general Markdown renderer,
which makes feedgen's figures a slight lower bound. The first line of stderr says which paths were taken.
"""

import datetime
import html
import os
import re
import sys

from feedgen.feed import FeedGenerator

try:
    import yaml
    YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
except ImportError:  # pragma: no cover - depends on the machine
    yaml = None

try:
    import markdown as markdown_package
except ImportError:
    markdown_package = None


def tiny_yaml(text):
    """The subset of YAML generate_corpus.py and crier.yml use: scalars, quoted strings, flow lists, one nested map."""
    result, current = {}, None
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indented = raw.startswith(" ")
        key, _, value = raw.strip().partition(":")
        value = value.strip()
        target = current if indented and current is not None else result
        if not indented:
            current = None
        if value == "":
            current = result.setdefault(key, {})
        elif value.startswith("[") and value.endswith("]"):
            target[key] = [item.strip() for item in value[1:-1].split(",") if item.strip()]
        elif value.startswith('"') and value.endswith('"'):
            target[key] = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        else:
            target[key] = value
    return result


def load_yaml(text):
    if yaml is not None:
        return yaml.load(text, Loader=YAML_LOADER) or {}
    return tiny_yaml(text)


def as_datetime(value, path):
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError as error:
            raise ValueError("%s: front matter key 'date': expected an ISO 8601 date, got %r" % (path, value)) from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment


INLINE_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
INLINE_EM = re.compile(r"\*([^*\s][^*]*)\*")


def small_markdown(text):
    """Paragraphs, *emphasis* and [text](url): the Markdown generate_corpus.py writes, escaped as HTML."""
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    rendered = []
    for block in blocks:
        escaped = html.escape(" ".join(block.split()), quote=False)
        escaped = INLINE_LINK.sub(lambda m: '<a href="%s">%s</a>' % (html.escape(m.group(2)), m.group(1)), escaped)
        escaped = INLINE_EM.sub(r"<em>\1</em>", escaped)
        rendered.append("<p>%s</p>" % escaped)
    return "\n".join(rendered)


def render(text):
    if markdown_package is not None:
        return markdown_package.markdown(text)
    return small_markdown(text)


def read_article(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if not text.startswith("---\n"):
        raise ValueError("%s: line 1: expected '---' to open the front matter" % path)
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ValueError("%s: expected a closing '---' line after the front matter" % path)
    meta = load_yaml(text[4:end])
    for key in ("title", "date"):
        if key not in meta:
            raise ValueError("%s: front matter: missing key %r" % (path, key))
    slug = os.path.splitext(os.path.basename(path))[0]
    return {
        "slug": slug,
        "title": str(meta["title"]),
        "date": as_datetime(meta["date"], path),
        "author": str(meta.get("author") or ""),
        "tags": [str(tag) for tag in (meta.get("tags") or [])],
        "summary": str(meta.get("summary") or ""),
        "html": render(text[end + 5:]),
    }


def build(corpus, outdir):
    config_path = os.path.join(corpus, "crier.yml")
    config = {}
    if os.path.exists(config_path):
        with open(config_path, encoding="utf-8") as handle:
            config = load_yaml(handle.read())
    base = str(config.get("base_url") or "https://bench.example.org/").rstrip("/") + "/"
    author = config.get("author") or {}

    articles = [read_article(os.path.join(corpus, name))
                for name in sorted(os.listdir(corpus)) if name.endswith(".md")]
    # Newest first; slug breaks ties so the order never depends on the file system's.
    articles.sort(key=lambda art: (art["date"], art["slug"]), reverse=True)

    feed = FeedGenerator()
    feed.id(base)
    feed.title(str(config.get("title") or "Crier benchmark"))
    feed.subtitle(str(config.get("description") or "Benchmark corpus"))
    feed.description(str(config.get("description") or "Benchmark corpus"))
    feed.link(href=base, rel="alternate")
    feed.link(href=base + "atom.xml", rel="self")
    feed.language(str(config.get("language") or "en"))
    feed.author({"name": str(author.get("name") or "Bench Writer"), "email": str(author.get("email") or "")})
    if articles:
        feed.updated(articles[0]["date"])
    for art in articles:
        entry = feed.add_entry(order="append")
        url = base + "posts/" + art["slug"] + "/"
        entry.id(url)
        entry.guid(url, permalink=True)
        entry.title(art["title"])
        entry.link(href=url)
        entry.published(art["date"])
        entry.updated(art["date"])
        if art["author"]:
            entry.author({"name": art["author"]})
        for tag in art["tags"]:
            entry.category(term=tag)
        if art["summary"]:
            entry.summary(art["summary"])
        # Full content in both formats: <content type="html"> in Atom, <content:encoded> in RSS.
        entry.content(art["html"], type="html")

    os.makedirs(outdir, exist_ok=True)
    feed.rss_file(os.path.join(outdir, "rss.xml"), pretty=False)
    feed.atom_file(os.path.join(outdir, "atom.xml"), pretty=False)
    return len(articles)


def main(argv):
    if len(argv) != 2:
        print("usage: feedgen_build.py CORPUS OUTDIR", file=sys.stderr)
        return 2
    print("feedgen_build: front matter via %s, Markdown via %s" % (
        "PyYAML" if yaml is not None else "tiny parser",
        "markdown package" if markdown_package is not None else "built-in paragraph/emphasis/link renderer"),
        file=sys.stderr)
    try:
        count = build(argv[0], argv[1])
    except (OSError, ValueError) as error:
        print("feedgen_build: %s" % error, file=sys.stderr)
        return 1
    print("feedgen_build: %d entries" % count, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
