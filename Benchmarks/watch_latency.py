#!/usr/bin/env python3
"""Measure how long `crier watch` (and `hugo server`) take to put an edited article into every feed on disk.

Usage: watch_latency.py [--size 10000] [--edits 50] [--crier PATH] [--tools crier,hugo] [--seed 1]
                        [--poll-ms 2] [--edit-timeout 60] [--startup-timeout 600] [--gap 0.3] [--no-build]
                        [--limit N] [--debounce MS]

For each tool: copies the cached Markdown corpus of --size articles into a temporary folder, starts the watcher,
waits for its first build (every feed file exists and has stopped changing), then edits the newest article
--edits times in place (open, truncate, write) and --edits times by atomic rename (write a temporary file,
os.replace), each time putting a unique marker at the end of the body. The latency of one edit is the time from
just before the write starts until every feed file on disk contains the marker and is complete (ends with
</rss>, </feed> or }). Feeds are polled every
--poll-ms: a file is read again when its (inode, size, mtime) changes, and at least every 50 ms in case the
change fell inside one mtime tick. Prints p50 / p90 / p99 per tool and edit style.

crier:  `crier watch SRC --output OUT`, feeds = every RSS, Atom and JSON Feed file under OUT after the first build,
        except temp files (hidden names) and RFC 5005 archive pages (NAME-archive-N.EXT), which never hold the
        newest article.
        The corpus's crier.yml has `limit: 0` (every entry in one feed); --limit N writes `limit: N` into the
        watched copy instead (50 is crier's default), so the main feeds hold N entries and the rest go to RFC
        5005 archive pages. The edited article is the newest, so it is in the main feeds either way.
        --debounce MS is passed to `crier watch` (its default, 100 ms of quiet before a rebuild, is part of every
        latency measured without it).
hugo:   `hugo server --renderToDisk --disableFastRender` on a copy of hugo-site/, feed = public/index.xml.
Every process is started in its own process group and ended by that id at the end, on error or on Ctrl-C.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import benchlib
from benchlib import log

RECHECK_SECONDS = 0.05
FORMATS_EXPECTED = {"rss", "atom", "json"}  # the benchmark's crier.yml asks for all three
CLOSINGS = (b"</rss>", b"</feed>", b"}")
ARCHIVE_PAGE = re.compile(r"-archive-[1-9][0-9]*(\.[^.]*)?$")


class WatchError(Exception):
    pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tail(path, lines=5):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return " | ".join(handle.read().strip().splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stat_key(path):
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def wait_for_first_build(process, log_path, find_feeds, timeout, settle=1.0):
    """Waits until `find_feeds()` returns a complete set of files whose stats have not changed for `settle` s."""
    deadline = time.monotonic() + timeout
    last, stable_since = None, None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise WatchError("watcher exited with status %d before its first build: %s"
                             % (process.returncode, tail(log_path)))
        feeds = find_feeds()
        if feeds:
            keys = tuple((path, stat_key(path)) for path in feeds)
            if keys != last:
                last, stable_since = keys, time.monotonic()
            elif time.monotonic() - stable_since >= settle:
                return feeds
        time.sleep(0.05)
    raise WatchError("no complete first build within %ds: %s" % (timeout, tail(log_path)))


def set_limit(config, limit):
    """Replaces the `limit:` line of a crier.yml (the corpus writes one) with `limit: LIMIT`."""
    with open(config, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    replaced = ["limit: %d" % limit if line.startswith("limit:") else line for line in lines]
    if replaced == lines and not any(line.startswith("limit:") for line in lines):
        replaced.append("limit: %d" % limit)
    with open(config, "w", encoding="utf-8") as handle:
        handle.write("\n".join(replaced) + "\n")


def crier_feeds(out):
    def find():
        found, kinds = [], set()
        for root, _, files in os.walk(out):
            for name in sorted(files):
                # Hidden names are the publisher's temp files, not feeds.
                if name.startswith(".") or ARCHIVE_PAGE.search(name):
                    continue
                path = os.path.join(root, name)
                kind = benchlib.feed_kind(path)
                if kind:
                    found.append(path)
                    kinds.add(kind)
        return found if FORMATS_EXPECTED <= kinds else None
    return find


def hugo_feeds(public):
    def find():
        path = os.path.join(public, "index.xml")
        return [path] if benchlib.feed_kind(path) == "rss" else None
    return find


def wait_for_marker(feeds, marker, process, log_path, timeout, poll):
    """Seconds until every file in `feeds` contains `marker`, or None on timeout."""
    needle = marker.encode()
    pending = {path: (None, 0.0) for path in feeds}  # path -> (stat key at last read, time of last read)
    start = time.perf_counter()
    while pending:
        now = time.perf_counter()
        if now - start > timeout:
            return None
        for path in list(pending):
            key = stat_key(path)
            seen_key, read_at = pending[path]
            if key is None or (key == seen_key and now - read_at < RECHECK_SECONDS):
                continue
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
            # A feed written in place can hold the marker (the newest entry comes first) before the rest of
            # the file is there, so the edit only counts once the file also ends with its closing root.
            if needle in data and data.rstrip().endswith(CLOSINGS):
                del pending[path]
            else:
                pending[path] = (key, time.perf_counter())
        if pending:
            if process.poll() is not None:
                raise WatchError("watcher exited with status %d: %s" % (process.returncode, tail(log_path)))
            time.sleep(poll)
    return time.perf_counter()


def edit(path, text, style):
    if style == "in-place":
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        # A hidden, non-.md temporary name in the same folder, so os.replace is a rename on one file system
        # and the watcher never sees a half-written article under a name it would ingest.
        temporary = os.path.join(os.path.dirname(path), ".bench-edit.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)


def measure_edits(article, feeds, process, log_path, args, tool):
    with open(article, encoding="utf-8") as handle:
        original = handle.read().rstrip("\n")
    results = {}
    for style in ("in-place", "rename"):
        latencies, missed = [], 0
        for index in range(args.edits):
            marker = "crierbench%s%04dend" % (style.replace("-", ""), index)
            text = "%s Edit marker %s.\n" % (original, marker)
            start = time.perf_counter()
            edit(article, text, style)
            done = wait_for_marker(feeds, marker, process, log_path, args.edit_timeout, args.poll_ms / 1000.0)
            if done is None:
                missed += 1
                log("%s %s edit %d: marker not in every feed after %ds" % (tool, style, index, args.edit_timeout))
                if missed >= 3:
                    log("%s %s: three edits missed, giving up on this style" % (tool, style))
                    break
            else:
                latencies.append(done - start)
            time.sleep(args.gap)  # let the watcher go idle so edits are measured one at a time
        results[style] = (latencies, missed)
        log("%s %s: %d edits measured, %d missed" % (tool, style, len(latencies), missed))
    return results


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, int(-(-fraction * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def run_tool(tool, args, corpus_md, crier):
    workspace = tempfile.mkdtemp(prefix="crier-watch-%s-" % tool)
    log_path = os.path.join(workspace, "watcher.log")
    process = None
    try:
        if tool == "crier":
            source = os.path.join(workspace, "src")
            out = os.path.join(workspace, "out")
            shutil.copytree(corpus_md, source)
            if args.limit is not None:
                set_limit(os.path.join(source, "crier.yml"), args.limit)
            os.makedirs(out)
            command = [crier, "watch", source, "--output", out]
            if args.debounce is not None:
                command += ["--debounce", str(args.debounce)]
            find_feeds = crier_feeds(out)
            posts = source
        else:
            site = benchlib.prepare_hugo_site(corpus_md, os.path.join(workspace, "site"), link=False)
            public = os.path.join(workspace, "public")
            command = ["hugo", "server", "--source", site, "--destination", public, "--renderToDisk",
                       "--disableFastRender", "--bind", "127.0.0.1", "--port", str(free_port())]
            find_feeds = hugo_feeds(public)
            posts = os.path.join(site, "content", "posts")
        article = os.path.join(posts, sorted(n for n in os.listdir(posts) if n.endswith(".md"))[-1])
        with open(log_path, "w") as log_file:
            started = time.perf_counter()
            process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, start_new_session=True)
        feeds = wait_for_first_build(process, log_path, find_feeds, args.startup_timeout)
        log("%s: first build done in %.2fs (including settle), feeds: %s" % (
            tool, time.perf_counter() - started, ", ".join(os.path.relpath(f, workspace) for f in feeds)))
        return measure_edits(article, feeds, process, log_path, args, tool), None
    except (WatchError, OSError) as error:
        return None, str(error)
    finally:
        if process is not None:
            benchlib.stop_group(process)
        shutil.rmtree(workspace, ignore_errors=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=50, help="edits per style (in place, rename)")
    parser.add_argument("--crier", help="path of the crier binary (default: $CRIER, else .build/release/crier)")
    parser.add_argument("--no-build", action="store_true", help="do not build crier when the default is missing")
    parser.add_argument("--tools", default="crier,hugo")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--poll-ms", type=float, default=2.0)
    parser.add_argument("--edit-timeout", type=int, default=60, help="seconds to wait for one edit")
    parser.add_argument("--startup-timeout", type=int, default=600, help="seconds to wait for the first build")
    parser.add_argument("--gap", type=float, default=0.3, help="seconds of quiet between edits")
    parser.add_argument("--debounce", type=int, help="pass --debounce MS to crier watch (default: crier's 100)")
    parser.add_argument("--limit", type=int, help="write `limit: N` into the watched crier.yml (default: the "
                        "corpus's 0, every entry in one feed; crier's own default is 50)")
    args = parser.parse_args(argv)
    tools = [tool for tool in args.tools.split(",") if tool]
    if not tools or any(tool not in ("crier", "hugo") for tool in tools) or args.edits < 1 or args.size < 1:
        parser.error("--tools must be crier and/or hugo; --edits and --size must be positive")
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be 0 (no limit) or positive")

    corpus_md = os.path.join(benchlib.corpus_dir(args.size, args.seed), "md")
    rows = []
    for tool in tools:
        crier = None
        if tool == "crier":
            crier, reason = benchlib.resolve_crier(args.crier, build_if_missing=not args.no_build)
            if crier is None:
                rows.append((tool, "-", "FAILED: crier unavailable: %s" % reason))
                continue
        results, error = run_tool(tool, args, corpus_md, crier)
        if results is None:
            rows.append((tool, "-", "FAILED: %s" % error))
            continue
        for style, (latencies, missed) in results.items():
            if not latencies:
                rows.append((tool, style, "FAILED: no edit reached every feed (%d missed)" % missed))
                continue
            rows.append((tool, style, "p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  (%d edits, %d missed)" % (
                1000 * percentile(latencies, 0.5), 1000 * percentile(latencies, 0.9),
                1000 * percentile(latencies, 0.99), len(latencies), missed)))
    limit = "" if args.limit is None else ", limit %d" % args.limit
    limit += "" if args.debounce is None else ", crier --debounce %d" % args.debounce
    print("\nWatch latency, N = {:,} articles{} (edit -> marker in every feed file on disk)".format(args.size, limit))
    for tool, style, text in rows:
        print("  %-6s %-9s %s" % (tool, style, text))
    return 0 if all("FAILED" not in text for _, _, text in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
