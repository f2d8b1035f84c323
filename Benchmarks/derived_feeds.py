#!/usr/bin/env python3
"""What section and tag feeds cost: crier build with and without them, and crier watch with sections on.

Usage: derived_feeds.py [--size 10000] [--sections 10] [--runs 3] [--edits 50] [--crier PATH] [--seed 1]
                        [--skip-watch] [--no-build]

Lays the cached Markdown corpus of --size articles (see generate_corpus.py) out in --sections folders
(article i in desk-(i mod K), hard links), with crier.yml at crier's defaults (limit 50, max_bytes 5 MB), and
times cold builds (fresh output folder and state store each run) of three configurations, rotated each round:

- site:          `sections: false`: the site feeds alone (RSS + Atom + JSON Feed, archives)
- sections:      the default: the site feeds and one set per section
- sections+tags: the same plus `taxonomies: tags` (the corpus has 20 tags, 1-3 per article)

Then runs `crier watch` with --watch-feeds (default: sections) and edits the newest article --edits times (in
place, then by rename), timing until every feed holding it (the site's, its section's, its tags') has the edit on
disk. Prints
medians, the ratio to the site feeds alone, and the watch p50/p90/p95/p99. A benchmark, not a test.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import benchlib
import watch_latency
from benchlib import log, median

CONFIGS = {
    "site": "sections: false\n",
    "sections": "",
    "sections+tags": "taxonomies:\n  tags: true\n",
}


def base_config(corpus_md):
    """The corpus's crier.yml with crier's default limit and size budget instead of the build benchmark's 0s."""
    with open(os.path.join(corpus_md, "crier.yml"), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    kept = [line for line in lines if not line.startswith(("limit:", "max_bytes:"))]
    return "\n".join(kept) + "\n"


def lay_out(corpus_md, folder, sections):
    """Hard-links the articles into `sections` folders, in name order; returns the path of the newest."""
    names = sorted(name for name in os.listdir(corpus_md) if name.endswith(".md"))
    for index, name in enumerate(names):
        desk = os.path.join(folder, "desk-%02d" % (index % sections))
        os.makedirs(desk, exist_ok=True)
        os.link(os.path.join(corpus_md, name), os.path.join(desk, name))
    last = len(names) - 1
    return os.path.join(folder, "desk-%02d" % (last % sections), names[last])


def write_config(folder, text):
    with open(os.path.join(folder, "crier.yml"), "w", encoding="utf-8") as handle:
        handle.write(text)


def builds(args, crier, corpus_md, workspace):
    source = os.path.join(workspace, "src")
    lay_out(corpus_md, source, args.sections)
    base = base_config(corpus_md)
    results = {name: [] for name in CONFIGS}
    outputs = {}
    order = list(CONFIGS)
    for round_index in range(args.runs):
        for name in order[round_index % len(order):] + order[:round_index % len(order)]:
            write_config(source, base + CONFIGS[name])
            out = os.path.join(workspace, "out-" + name.replace("+", "-"))
            state = os.path.join(workspace, "state.sqlite")
            shutil.rmtree(out, ignore_errors=True)
            for leftover in (state, state + "-wal", state + "-shm"):
                if os.path.exists(leftover):
                    os.remove(leftover)
            result = benchlib.measure([crier, "build", source, "--output", out, "--state", state], args.timeout)
            if not result["ok"]:
                raise RuntimeError("%s: %s" % (name, result["error"]))
            results[name].append(result)
            outputs[name] = out
            log("%s round %d: %.2f s wall, %.2f s CPU" % (name, round_index + 1, result["wall"], result["cpu"]))
    print("\ncrier build, N = {:,} articles in {} sections, medians of {} cold runs".format(args.size, args.sections, args.runs))
    print("  %-14s %8s %8s %9s %7s %9s %10s" % ("feeds", "wall s", "CPU s", "RSS MB", "feeds", "files", "output MB"))
    site_wall = median([r["wall"] for r in results["site"]])
    for name in CONFIGS:
        runs = results[name]
        files = [os.path.join(root, f) for root, _, names in os.walk(outputs[name]) for f in names if not f.startswith(".")]
        feeds = sum(1 for f in files if re.search(r"(rss\.xml|atom\.xml|feed\.json)$", f)) // 3
        size = sum(os.path.getsize(f) for f in files)
        wall = median([r["wall"] for r in runs])
        print("  %-14s %8.2f %8.2f %9.0f %7d %9d %10.1f   %.2fx the site feeds' wall time" % (
            name, wall, median([r["cpu"] for r in runs]), median([r["rss_kb"] for r in runs]) / 1024, feeds, len(files),
            size / 1e6, wall / site_wall))


def watch(args, crier, corpus_md, workspace):
    source = os.path.join(workspace, "watch-src")
    out = os.path.join(workspace, "watch-out")
    article = lay_out(corpus_md, source, args.sections)
    # Copies, not links: the edits must not reach the cached corpus.
    for root, _, names in os.walk(source):
        for name in names:
            path = os.path.join(root, name)
            shutil.copyfile(path, path + ".copy")
            os.replace(path + ".copy", path)
    write_config(source, base_config(corpus_md) + CONFIGS[args.watch_feeds])
    os.makedirs(out)
    with open(article, encoding="utf-8") as handle:
        text = handle.read()
    tags = re.search(r"^tags: \[(.*)\]$", text, re.M).group(1).split(", ")
    section = os.path.basename(os.path.dirname(article))
    wanted = {"", section} | ({"tags/" + tag for tag in tags} if "tags" in args.watch_feeds else set())
    log_path = os.path.join(workspace, "watch.log")
    with open(log_path, "w") as log_file:
        process = subprocess.Popen([crier, "watch", source, "--output", out], stdout=log_file, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        every = watch_latency.wait_for_first_build(process, log_path, watch_latency.crier_feeds(out), args.startup_timeout)
        folders = {f: os.path.relpath(os.path.dirname(f), out) for f in every}
        feeds = [f for f in every if ("" if folders[f] == "." else folders[f]) in wanted]
        log("watch: %d feeds hold the edited article: %s" % (len(feeds), ", ".join(os.path.relpath(f, out) for f in feeds)))
        args.gap = 0.3
        args.poll_ms = 2.0
        args.edit_timeout = 60
        results = watch_latency.measure_edits(article, feeds, process, log_path, args, "crier")
    finally:
        benchlib.stop_group(process)
    latencies, missed = results["in-place"]
    print("\ncrier watch, N = {:,} articles in {} sections, feeds: {} (edit -> the edit in every feed holding it)".format(
        args.size, args.sections, args.watch_feeds))
    for style, (latencies, missed) in results.items():
        if latencies:
            print("  %-9s p50 %6.1f ms  p90 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d edits, %d missed)" % (
                style, 1000 * watch_latency.percentile(latencies, 0.5), 1000 * watch_latency.percentile(latencies, 0.9),
                1000 * watch_latency.percentile(latencies, 0.95), 1000 * watch_latency.percentile(latencies, 0.99), len(latencies),
                missed))
        else:
            print("  %-9s FAILED: no edit reached every feed (%d missed)" % (style, missed))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--sections", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crier", help="path of the crier binary (default: $CRIER, else .build/release/crier)")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--skip-watch", action="store_true")
    parser.add_argument("--skip-builds", action="store_true")
    parser.add_argument("--watch-feeds", choices=list(CONFIGS), default="sections",
                        help="the configuration crier watch runs with (default: sections)")
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--startup-timeout", type=int, default=600)
    args = parser.parse_args(argv)
    crier, reason = benchlib.resolve_crier(args.crier, build_if_missing=not args.no_build)
    if crier is None:
        print("crier unavailable: %s" % reason)
        return 1
    corpus_md = os.path.join(benchlib.corpus_dir(args.size, args.seed), "md")
    workspace = tempfile.mkdtemp(prefix="crier-derived-")
    try:
        if not args.skip_builds:
            builds(args, crier, corpus_md, workspace)
        if not args.skip_watch:
            watch(args, crier, corpus_md, workspace)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
