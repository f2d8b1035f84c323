#!/usr/bin/env python3
"""Read one RSS or Atom file with every installed feed reader of Crier's test matrix and print what each saw.

Usage: read.py FEED [READER...]        (default: every reader below)

Readers: feedparser (Python), simplepie (PHP, WordPress's copy), gofeed (Go), rome (Java), syndication (C++, KDE's
Akregator parser), ruby-rss (Ruby), xml-feed (Perl), sfeed (C), newsboat (C++/Rust). scripts/readers/install.sh
installs them from Debian and PyPI and builds the adapters (scripts/readers/adapters) into READERS_DIR
(default .build/readers in the repository).

Prints one JSON object: {"feed": FEED, "missing": [names not installed], "readers": [VIEW...]}, each VIEW
{"reader", "ok", "error", "title", "entries": [{"id", "title", "link", "published", "updated"}]}, entries in
document order. A title the reader's own API calls HTML (SimplePie always, Syndication always, feedparser and
Rome per type) is given as the text it displays (tags dropped, entities decoded); white space runs become one
space. Dates are ISO 8601 in UTC (`2024-03-05T08:30:00Z`), `raw:TEXT` when the reader kept text it could not
parse, or null. Nothing here parses a feed itself: every value comes from the reader named.
"""

import calendar
import datetime
import email.utils
import html.parser
import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ADAPTERS = os.path.join(HERE, "adapters")
READERS_DIR = os.environ.get("READERS_DIR") or os.path.join(HERE, "..", "..", ".build", "readers")
TIMEOUT = int(os.environ.get("READERS_TIMEOUT", "120"))


class DisplayedText(html.parser.HTMLParser):
    """The text an HTML title displays: tags dropped, entities decoded, script and style content skipped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in ("script", "style")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def displayed(text, is_html):
    if text is None:
        return None
    if is_html:
        parser = DisplayedText()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    return " ".join(str(text).split()) or None


def utc(value):
    """A date as ISO 8601 UTC: from epoch seconds, ISO 8601 or RFC 822 text; `raw:` text stays as it is."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = str(value).strip()
    if text.startswith("raw:"):
        return text
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return "raw:" + text
    if moment.tzinfo is None:
        return "raw:" + text
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def run(command, feed, **options):
    """Runs an adapter; its last line of output is its JSON view."""
    done = subprocess.run(command + [feed], capture_output=True, timeout=TIMEOUT, **options)
    lines = [line for line in done.stdout.decode("utf-8", "replace").splitlines() if line.startswith("{")]
    if not lines:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        return {"ok": False, "error": "no output (exit %d): %s" % (done.returncode, " | ".join(tail)), "entries": []}
    return json.loads(lines[-1])


def feedparser_view(feed):
    import feedparser

    parsed = feedparser.parse(feed)

    def date(entry, key):
        stamp = entry.get(key + "_parsed")
        if stamp:
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(stamp)))
        return ("raw:" + entry[key]) if entry.get(key) else None

    def is_html(detail):
        return "html" in ((detail or {}).get("type") or "")

    view = {"ok": not parsed.bozo and bool(parsed.version), "error": str(parsed.get("bozo_exception") or ""),
            "title": parsed.feed.get("title"), "titleIsHTML": is_html(parsed.feed.get("title_detail")), "entries": []}
    for entry in parsed.entries:
        view["entries"].append({"id": entry.get("id"), "title": entry.get("title"),
                                "titleIsHTML": is_html(entry.get("title_detail")), "link": entry.get("link"),
                                "published": date(entry, "published"), "updated": date(entry, "updated")})
    return view


def sfeed_view(feed):
    """sfeed turns a feed into tab-separated lines: time, title, link, content, type, id, author, enclosure, tags."""
    with open(feed, "rb") as source:
        done = subprocess.run(["sfeed"], stdin=source, capture_output=True, timeout=TIMEOUT)
    if done.returncode != 0:
        return {"ok": False, "error": done.stderr.decode("utf-8", "replace").strip(), "entries": []}

    def field(text):
        return text.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\") or None

    entries = []
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        fields = (line.split("\t") + [""] * 9)[:9]
        entries.append({"id": field(fields[5]), "title": field(fields[1]), "link": field(fields[2]),
                        "published": int(fields[0]) if fields[0].strip().lstrip("-").isdigit() else None,
                        "updated": None})
    # sfeed has no feed title.
    return {"ok": True, "error": "", "title": None, "entries": entries}


def newsboat_view(feed):
    """newsboat reloads an `exec:cat FEED` URL headless and keeps what it read in its cache database."""
    folder = tempfile.mkdtemp(prefix="crier-newsboat.")
    try:
        with open(os.path.join(folder, "urls"), "w") as urls:
            urls.write('"exec:cat %s"\n' % os.path.abspath(feed).replace('"', '\\"'))
        open(os.path.join(folder, "config"), "w").close()
        environment = dict(os.environ, HOME=folder, XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder)
        done = subprocess.run(["newsboat", "-u", "urls", "-c", "cache.db", "-C", "config", "-l", "4", "-d", "log",
                               "-x", "reload"], cwd=folder, env=environment, capture_output=True, timeout=TIMEOUT)
        errors = []
        if os.path.exists(os.path.join(folder, "log")):
            with open(os.path.join(folder, "log"), encoding="utf-8", errors="replace") as log:
                errors = [line.strip() for line in log if "ERROR:" in line or "CRITICAL:" in line]
        view = {"ok": done.returncode == 0 and not errors, "title": None, "entries": [],
                "error": errors[0] if errors else done.stderr.decode("utf-8", "replace").strip()}
        if os.path.exists(os.path.join(folder, "cache.db")):
            database = sqlite3.connect(os.path.join(folder, "cache.db"))
            row = database.execute("select title from rss_feed").fetchone()
            view["title"] = row[0] if row else None
            # newsboat stores items last first: descending ids give document order.
            for guid, title, url, published in database.execute(
                    "select guid, title, url, pubDate from rss_item order by id desc"):
                view["entries"].append({"id": guid, "title": title, "link": url, "published": published or None,
                                        "updated": None})
            database.close()
        return view
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def simplepie_folder():
    return os.path.join(READERS_DIR, "simplepie")


ROME_CLASSPATH = ":".join([os.path.join(READERS_DIR, "rome")] + [
    "/usr/share/java/%s.jar" % jar for jar in ("rome", "rome-utils", "jdom2", "slf4j-api", "slf4j-nop")])

# name: (is it installed?, how to read a feed)
READERS = {
    "feedparser": (lambda: importlib.util.find_spec("feedparser") is not None, feedparser_view),
    "simplepie": (lambda: shutil.which("php") and os.path.exists(os.path.join(simplepie_folder(), "class-simplepie.php")),
                  lambda feed: run(["php", os.path.join(ADAPTERS, "simplepie.php"), simplepie_folder()], feed)),
    "gofeed": (lambda: os.access(os.path.join(READERS_DIR, "gofeed"), os.X_OK),
               lambda feed: run([os.path.join(READERS_DIR, "gofeed")], feed)),
    "rome": (lambda: shutil.which("java") and os.path.exists(os.path.join(READERS_DIR, "rome", "ReadFeed.class")),
             lambda feed: run(["java", "-XX:TieredStopAtLevel=1", "-cp", ROME_CLASSPATH, "ReadFeed"], feed)),
    "syndication": (lambda: os.access(os.path.join(READERS_DIR, "syndication"), os.X_OK),
                    lambda feed: dict(run([os.path.join(READERS_DIR, "syndication")], feed), titleIsHTML=False)),
    "ruby-rss": (lambda: shutil.which("ruby"), lambda feed: run(["ruby", os.path.join(ADAPTERS, "ruby_rss.rb")], feed)),
    "xml-feed": (lambda: shutil.which("perl") and subprocess.run(["perl", "-MXML::Feed", "-e1"], capture_output=True).returncode == 0,
                 lambda feed: run(["perl", os.path.join(ADAPTERS, "xml_feed.pl")], feed)),
    "sfeed": (lambda: shutil.which("sfeed"), sfeed_view),
    "newsboat": (lambda: shutil.which("newsboat"), newsboat_view),
}


def read(name, feed):
    try:
        view = READERS[name][1](feed)
    except Exception as error:  # a reader that crashes has not read the feed
        view = {"ok": False, "error": "%s: %s" % (type(error).__name__, error), "entries": []}
    feed_html = bool(view.get("titleIsHTML"))
    return {"reader": name, "ok": bool(view.get("ok")), "error": view.get("error") or "",
            "title": displayed(view.get("title"), feed_html),
            "entries": [{"id": entry.get("id") or None,
                         "title": displayed(entry.get("title"), bool(entry.get("titleIsHTML", feed_html))),
                         "link": (entry.get("link") or "").strip() or None,
                         "published": utc(entry.get("published")), "updated": utc(entry.get("updated"))}
                        for entry in view.get("entries") or []]}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    feed, wanted = sys.argv[1], sys.argv[2:] or list(READERS)
    installed = [name for name in wanted if READERS[name][0]()]
    with ThreadPoolExecutor(max_workers=4) as pool:
        views = list(pool.map(lambda name: read(name, feed), installed))
    print(json.dumps({"feed": feed, "missing": [name for name in wanted if name not in installed], "readers": views},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
