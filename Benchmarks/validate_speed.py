#!/usr/bin/env python3
"""How fast `crier validate` checks a feed: against `xmllint --noout` (parsing only) on a large feed, and
against the W3C Feed Validation Service's own code on the same files up to its 5 MB limit.

A benchmark, not a test: it prints figures. It builds the feeds it measures with `crier build` from the
generated corpus (`generate_corpus.py`, Markdown, `limit: 0`), so every document is valid and the time is the
time of a full check, not of stopping at a first error.

    python3 validate_speed.py                          # 10,000 articles (about 40 MB per XML feed) and 1,000
    python3 validate_speed.py --large 10000 --small 1000 --runs 3 --service /tmp/feedvalidator

The service is optional (third-party, never part of the repository): `--service DIR` names an extracted copy
of github.com/w3c/feedvalidator and `--service-python` a Python with html5lib (see
../../shared/tools/w3c/SETUP.md on the development machine). Without it, only the xmllint rows are printed.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

import benchlib

SERVICE_SCRIPT = r"""
import io, os, sys
sys.path.insert(0, os.path.join(sys.argv[1], "src"))
import feedvalidator
raw = open(sys.argv[2], "rb").read()
feedvalidator.validateStream(io.BytesIO(raw), firstOccurrenceOnly=0, base="http://localhost/feed")
"""


def build_feeds(crier, count, seed, out):
    """Builds the corpus of `count` articles into `out` with every entry in one document per format."""
    corpus = os.path.join(benchlib.corpus_dir(count, seed), "md")
    state = tempfile.mkdtemp(prefix="crier-bench-state-")
    try:
        subprocess.run([crier, "build", corpus, "--output", out, "--state", os.path.join(state, "state.sqlite")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=1800)
    finally:
        shutil.rmtree(state, ignore_errors=True)
    return {name: os.path.join(out, name) for name in ("atom.xml", "rss.xml", "feed.json")
            if os.path.exists(os.path.join(out, name))}


def median_of(command, runs, timeout):
    """Median wall seconds, median CPU seconds and the largest peak RSS (MB) of `runs` runs, or the error."""
    results = []
    for _ in range(runs):
        result = benchlib.measure(command, timeout)
        if not result["ok"]:
            return None, result["error"]
        results.append(result)
    return {
        "wall": statistics.median(r["wall"] for r in results),
        "cpu": statistics.median(r["cpu"] for r in results),
        "rss_mb": max(r["rss_kb"] for r in results) / 1024.0,
    }, None


def row(label, size_mb, measured, error, reference=None):
    if measured is None:
        return "| %s | %.1f | FAILED: %s | | | |" % (label, size_mb, error)
    ratio = "%.2f" % (measured["wall"] / reference["wall"]) if reference else ""
    return "| %s | %.1f | %.3f | %.3f | %.0f | %s |" % (label, size_mb, measured["wall"], measured["cpu"],
                                                       measured["rss_mb"], ratio)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=10000, help="articles in the large feeds (xmllint comparison)")
    parser.add_argument("--small", type=int, default=1000, help="articles in the feeds for the service (under 5 MB)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crier", help="crier binary (default: $CRIER, else .build/release/crier)")
    parser.add_argument("--service", default="/tmp/feedvalidator", help="extracted w3c/feedvalidator, if any")
    parser.add_argument("--service-python", default="/tmp/oracle-venv/bin/python")
    parser.add_argument("--timeout", type=int, default=900)
    args = parser.parse_args(argv)

    crier, error = benchlib.resolve_crier(args.crier)
    if crier is None:
        benchlib.log("crier unavailable: %s" % error)
        return 1
    xmllint = shutil.which("xmllint")
    work = tempfile.mkdtemp(prefix="crier-validate-bench-")
    try:
        print("## crier validate against xmllint --noout, %d articles, median of %d" % (args.large, args.runs))
        print()
        print("| file | MB | wall s | CPU s | peak RSS MB | wall / xmllint |")
        print("|---|---:|---:|---:|---:|---:|")
        large = build_feeds(crier, args.large, args.seed, os.path.join(work, "large"))
        for name, path in sorted(large.items()):
            size = os.path.getsize(path) / 1e6
            reference = None
            if xmllint and name.endswith(".xml"):
                reference, failure = median_of([xmllint, "--noout", "--huge", path], args.runs, args.timeout)
                print(row("xmllint --noout " + name, size, reference, failure))
            measured, failure = median_of([crier, "validate", path], args.runs, args.timeout)
            print(row("crier validate " + name, size, measured, failure, reference))
        print()

        service = os.path.join(args.service, "src", "feedvalidator")
        if not (os.path.isdir(service) and os.access(args.service_python, os.X_OK)):
            print("(the W3C service's code is not installed: no comparison with it)")
            return 0
        print("## crier validate against the W3C service's code, %d articles, median of %d" % (args.small, args.runs))
        print()
        print("| file | MB | wall s | CPU s | peak RSS MB | wall / service |")
        print("|---|---:|---:|---:|---:|---:|")
        small = build_feeds(crier, args.small, args.seed, os.path.join(work, "small"))
        script = os.path.join(work, "service.py")
        with open(script, "w") as handle:
            handle.write(SERVICE_SCRIPT)
        for name, path in sorted(small.items()):
            if not name.endswith(".xml"):
                continue
            size = os.path.getsize(path) / 1e6
            if size > 5.0:
                print("| %s | %.1f | over the service's 5 MB limit: use a smaller --small | | | |" % (name, size))
                continue
            reference, failure = median_of([args.service_python, script, args.service, path], args.runs, args.timeout)
            print(row("W3C service " + name, size, reference, failure))
            measured, failure = median_of([crier, "validate", path], args.runs, args.timeout)
            print(row("crier validate " + name, size, measured, failure, reference))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
