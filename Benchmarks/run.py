#!/usr/bin/env python3
"""Benchmark Crier against Hugo, python-feedgen and the I/O floor on generated corpora.

Usage: run.py [--sizes 1000,10000,50000] [--runs 5] [--crier PATH] [--markdown-out FILE] [--seed 1]
              [--tools crier-md,crier-txt,hugo,feedgen,floor] [--timeout 900] [--no-build]

For each size N it generates the corpus once (cached in Benchmarks/corpus/), warms the page cache, then runs
`--runs` rounds; each round runs every tool once, in an order rotated from round to round so no tool always
goes first or right after the same neighbour. Every run is one process under `/usr/bin/time -v` with a fresh
output folder. It prints one table per N of medians; see README.md for the columns.

Crier is --crier, else $CRIER, else .build/release/crier (built with `swift build -c release --product crier`
when missing, unless --no-build). If Crier is missing or fails, its rows say so and the others are measured.
"""

import argparse
import os
import platform
import shutil
import subprocess
import sys

import benchlib
from benchlib import log, median

TOOLS = ["crier-md", "crier-txt", "hugo", "feedgen", "floor"]
DESCRIPTIONS = {
    "crier-md": "crier build (Markdown; RSS+Atom+JSON)",
    "crier-txt": "crier build (plain text; RSS+Atom+JSON)",
    "hugo": "hugo (RSS only, full content)",
    "feedgen": "python-feedgen (RSS+Atom)",
    "floor": "I/O floor (read corpus, write crier's bytes)",
}


class Size:
    """What one N needs: the corpus, the Hugo site, the output folders and the floor's byte target."""

    def __init__(self, count, seed):
        self.count = count
        self.corpus = benchlib.corpus_dir(count, seed)
        self.md = os.path.join(self.corpus, "md")
        self.txt = os.path.join(self.corpus, "txt")
        self.work = os.path.join(benchlib.CORPUS_ROOT, "_work", str(count))
        self.site = benchlib.prepare_hugo_site(self.md, os.path.join(self.work, "hugo-site"))
        self.floor_bytes = None
        self.floor_note = ""

    def output(self, tool):
        return os.path.join(self.work, "out-" + tool)


def state_path(size, tool):
    """Where a Crier run keeps its state store: a fresh file per run, so every build is cold (no stable ids,
    hashes or first-seen dates from an earlier run), and the corpus folder gets no `.crier` of its own."""
    return os.path.join(size.work, "state-" + tool + ".sqlite")


def command(tool, size, crier, out):
    here = benchlib.BENCH_DIR
    if tool == "crier-md":
        return [crier, "build", size.md, "--output", out, "--state", state_path(size, tool)]
    if tool == "crier-txt":
        return [crier, "build", size.txt, "--output", out, "--state", state_path(size, tool)]
    if tool == "hugo":
        return ["hugo", "--quiet", "--source", size.site, "--destination", out]
    if tool == "feedgen":
        return [sys.executable, os.path.join(here, "feedgen_build.py"), size.md, out]
    if tool == "floor":
        return [sys.executable, os.path.join(here, "io_floor.py"), size.md, out, str(size.floor_bytes)]
    raise ValueError(tool)


def run_once(tool, size, crier, timeout):
    out = size.output(tool)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    if tool.startswith("crier") and crier is None:
        return {"ok": False, "error": "crier unavailable"}
    if tool.startswith("crier"):
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(state_path(size, tool) + suffix)
            except FileNotFoundError:
                pass
    result = benchlib.measure(command(tool, size, crier, out), timeout, cwd=size.work)
    if result["ok"]:
        result["bytes"], result["feeds"] = benchlib.output_summary(out)
        if tool == "hugo":  # Hugo writes only index.xml here; anything else would be a config mistake
            result["feeds"] = [feed for feed in result["feeds"] if feed[1] == "index.xml"] or result["feeds"]
    return result


def warm_up(size, crier, tools, timeout):
    """Reads the corpora once (page cache) and, when Crier works, learns the floor's byte target from it."""
    for folder in (size.md, size.txt):
        benchlib.tree_bytes(folder)
        for root, _, files in os.walk(folder):
            for name in files:
                with open(os.path.join(root, name), "rb") as handle:
                    handle.read()
    if "floor" not in tools:
        return
    if crier is not None:
        result = run_once("crier-md", size, crier, timeout)
        if result["ok"] and result["bytes"] > 0:
            size.floor_bytes = result["bytes"]
            size.floor_note = "crier-md's output size"
            return
    # No working Crier: three feeds with full content are about three times the Markdown corpus.
    size.floor_bytes = 3 * benchlib.tree_bytes(size.md, (".md",))
    size.floor_note = "estimate: 3 x Markdown corpus bytes (%s)" % (
        "crier unavailable" if crier is None else "crier-md's warm-up run failed")


def format_entries(feeds, expected):
    """"rss 1000, atom 1000", with a visible flag on any feed that does not hold all `expected` entries."""
    if not feeds:
        return "-"
    parts = []
    for kind, _, count in feeds:
        flag = "" if count == expected else " (!= %d)" % expected
        parts.append("%s %s%s" % (kind, "?" if count is None else count, flag))
    return ", ".join(parts)


def summarize(tool, results, expected):
    good = [r for r in results if r["ok"]]
    row = {"tool": tool, "runs": "%d/%d" % (len(good), len(results))}
    if not good:
        errors = sorted({r["error"] for r in results})
        row["failed"] = "; ".join(errors)[:200]
        return row
    row["wall"] = median([r["wall"] for r in good])
    row["cpu"] = median([r["cpu"] for r in good])
    row["rss_mb"] = median([r["rss_kb"] for r in good]) / 1024.0
    row["bytes"] = good[-1]["bytes"]
    row["entries"] = format_entries(good[-1]["feeds"], expected)
    return row


def table(count, rows, floor_note):
    base = next((r for r in rows if r["tool"] == "crier-md" and "failed" not in r), None)
    header = ["tool", "median wall s", "median CPU s", "median peak RSS MB", "output bytes", "entries per feed",
              "wall / crier-md", "RSS / crier-md", "ok runs"]
    lines = []
    for row in rows:
        name = DESCRIPTIONS[row["tool"]]
        if "failed" in row:
            lines.append([name, "FAILED", "", "", "", row["failed"], "", "", row["runs"]])
            continue
        wall_ratio = "%.2f" % (row["wall"] / base["wall"]) if base else "n/a"
        rss_ratio = "%.2f" % (row["rss_mb"] / base["rss_mb"]) if base else "n/a"
        lines.append([name, "%.3f" % row["wall"], "%.3f" % row["cpu"], "%.1f" % row["rss_mb"],
                      "{:,}".format(row["bytes"]), row["entries"], wall_ratio, rss_ratio, row["runs"]])
    title = "N = {:,} articles".format(count)
    note = "floor bytes: %s" % floor_note if floor_note else ""
    return title, header, lines, note


def print_table(title, header, lines, note):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines)]
    print()
    print(title)
    print("  ".join(str(cell).ljust(width) for cell, width in zip(header, widths)))
    print("  ".join("-" * width for width in widths))
    for line in lines:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)))
    if note:
        print(note)
    sys.stdout.flush()


def markdown_table(title, header, lines, note):
    escape = lambda cell: str(cell).replace("|", "\\|")
    text = ["### " + title, "", "| " + " | ".join(header) + " |",
            "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    text += ["| " + " | ".join(escape(cell) for cell in line) + " |" for line in lines]
    if note:
        text += ["", note]
    return "\n".join(text) + "\n"


def environment_note(args, crier, crier_error):
    hugo = subprocess.run(["hugo", "version"], stdout=subprocess.PIPE, text=True).stdout.split(" ")[0:2]
    commit = subprocess.run(["git", "-C", benchlib.REPO_ROOT, "rev-parse", "--short", "HEAD"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return ("Machine: %s, %d CPUs, Python %s, %s; repository at %s; %d runs per tool per size; crier: %s" % (
        platform.platform(), os.cpu_count() or 0, platform.python_version(), " ".join(hugo), commit or "?",
        args.runs, crier or ("unavailable (%s)" % crier_error)))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated article counts")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per tool per size")
    parser.add_argument("--crier", help="path of the crier binary (default: $CRIER, else .build/release/crier)")
    parser.add_argument("--no-build", action="store_true", help="do not build crier when the default is missing")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tools", default=",".join(TOOLS), help="subset of " + ",".join(TOOLS))
    parser.add_argument("--timeout", type=int, default=900, help="seconds before one run is killed")
    parser.add_argument("--markdown-out", help="also write the tables as Markdown to this file")
    args = parser.parse_args(argv)
    try:
        sizes = [int(part) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error("--sizes: expected comma-separated integers, got %r" % args.sizes)
    tools = [tool for tool in args.tools.split(",") if tool]
    unknown = [tool for tool in tools if tool not in TOOLS]
    if unknown or not tools or any(n < 1 for n in sizes) or args.runs < 1:
        parser.error("--tools must be a subset of %s; sizes and runs must be positive" % ",".join(TOOLS))

    crier, crier_error = (None, "not requested")
    if any(tool.startswith("crier") for tool in tools):
        crier, crier_error = benchlib.resolve_crier(args.crier, build_if_missing=not args.no_build)
        if crier is None:
            log("crier unavailable: %s; its rows will be marked failed" % crier_error)

    note = environment_note(args, crier, crier_error)
    print(note)
    markdown = ["## Results", "", note, ""]
    for count in sizes:
        size = Size(count, args.seed)
        warm_up(size, crier, tools, args.timeout)
        results = {tool: [] for tool in tools}
        for round_index in range(args.runs):
            shift = round_index % len(tools)
            order = tools[shift:] + tools[:shift]
            for tool in order:
                result = run_once(tool, size, crier, args.timeout)
                results[tool].append(result)
                log("N=%d round %d %-9s %s" % (count, round_index + 1, tool,
                                               "wall %.3fs cpu %.3fs rss %.1fMB" % (
                                                   result["wall"], result["cpu"], result["rss_kb"] / 1024.0)
                                               if result["ok"] else "FAILED: " + result["error"]))
        rows = [summarize(tool, results[tool], count) for tool in tools]
        title, header, lines, floor_note = table(count, rows, size.floor_note if "floor" in tools else "")
        print_table(title, header, lines, floor_note)
        markdown.append(markdown_table(title, header, lines, floor_note))
        shutil.rmtree(size.work, ignore_errors=True)
    if args.markdown_out:
        with open(args.markdown_out, "w", encoding="utf-8") as handle:
            handle.write("\n".join(markdown))
        log("wrote %s" % args.markdown_out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
