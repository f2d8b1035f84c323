#!/usr/bin/env python3
"""Benchmark Crier against Hugo, python-feedgen and the I/O floor on generated corpora.

Usage: run.py [--sizes 1000,10000,50000] [--runs 5] [--crier PATH] [--markdown-out FILE] [--seed 1]
              [--tools crier-md,crier-txt,hugo,feedgen,floor,crier-warm] [--timeout 900] [--no-build]

For each size N it generates the corpus once (cached in Benchmarks/corpus/), warms the page cache, then runs
`--runs` rounds; each round runs every tool once, in an order rotated from round to round so no tool always
goes first or right after the same neighbour. Every run is one process under `/usr/bin/time -v` with a fresh
output folder. It prints one table per N of medians; see README.md for the columns.

`crier-warm` is a sequence rather than one run, on its own copy of the Markdown corpus, with one output folder
and state store kept through it: a cold build, a build with nothing changed, a build after one article is
edited, a build after one article is added, and the first publish of `crier watch` started on that folder
(a daemon restart with nothing changed). Its table gives each step's median and its share of the cold
build of the same sequences.

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

TOOLS = ["crier-md", "crier-txt", "hugo", "feedgen", "floor", "crier-warm"]
WARM_STEPS = ["cold", "no change", "one edit", "one new article", "daemon restart"]
DESCRIPTIONS = {
    "crier-md": "crier build (Markdown; RSS+Atom+JSON)",
    "crier-txt": "crier build (plain text; RSS+Atom+JSON)",
    "hugo": "hugo (RSS only, full content)",
    "feedgen": "python-feedgen (RSS+Atom)",
    "floor": "I/O floor (read corpus, write crier's bytes)",
    "crier-warm": "crier build, warm (Markdown)",
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
    hashes or first-seen dates from an earlier run, no build cache), and the corpus folder gets no `.crier`."""
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
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.remove(state_path(size, tool) + suffix)
            except FileNotFoundError:
                pass
        # The build cache beside the state store (`NAME.cache`): without it every Crier row is a cold build.
        shutil.rmtree(os.path.splitext(state_path(size, tool))[0] + ".cache", ignore_errors=True)
    result = benchlib.measure(command(tool, size, crier, out), timeout, cwd=size.work)
    if result["ok"]:
        result["bytes"], result["feeds"] = benchlib.output_summary(out)
        if tool == "hugo":  # Hugo writes only index.xml here; anything else would be a config mistake
            result["feeds"] = [feed for feed in result["feeds"] if feed[1] == "index.xml"] or result["feeds"]
    return result


def warm_sequence(size, crier, timeout, round_index):
    """One cold build and the warm steps after it (see the module's comment), on `size`'s copy of the Markdown
    corpus; returns each step's result by name. The edit appends a paragraph to one article (another each
    round); the new article is removed again at the end, so every sequence starts from the same count."""
    if crier is None:
        return {step: {"ok": False, "error": "crier unavailable"} for step in WARM_STEPS}
    source = os.path.join(size.work, "warm-source")
    if not os.path.isdir(source):
        shutil.copytree(size.md, source)
    out = os.path.join(size.work, "out-crier-warm")
    state = os.path.join(size.work, "state-crier-warm.sqlite")
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(os.path.join(size.work, "state-crier-warm.cache"), ignore_errors=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(state + suffix)
        except FileNotFoundError:
            pass
    build = [crier, "build", source, "--output", out, "--state", state]

    def step(result):
        if result["ok"]:  # what the output folder holds after this step, before the next one changes it
            result["bytes"], result["feeds"] = benchlib.output_summary(out)
        return result

    results = {"cold": step(benchlib.measure(build, timeout, cwd=size.work))}
    results["no change"] = step(benchlib.measure(build, timeout, cwd=size.work))
    articles = sorted(name for name in os.listdir(source) if name.endswith(".md"))
    with open(os.path.join(source, articles[(round_index * 7919) % len(articles)]), "a", encoding="utf-8") as handle:
        handle.write("\n\nEdited in round %d of the warm benchmark.\n" % (round_index + 1))
    results["one edit"] = step(benchlib.measure(build, timeout, cwd=size.work))
    added = os.path.join(source, "zz-warm-benchmark-new-article.md")
    with open(added, "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: A new article, round %d\ndate: 2031-01-01T09:00:00Z\n---\n\nJust added.\n"
                     % (round_index + 1))
    results["one new article"] = step(benchlib.measure(build, timeout, cwd=size.work))
    results["daemon restart"] = step(benchlib.measure_first_line(
        [crier, "watch", source, "--output", out, "--state", state], "start:", timeout, cwd=size.work))
    os.remove(added)
    return results


def warm_table(count, results):
    """The warm sequence's table: each step's medians and its share of the cold builds of the same sequences."""
    header = ["crier build, warm (Markdown)", "median wall s", "median CPU s", "median peak RSS MB",
              "entries per feed", "share of cold wall", "ok runs"]
    rows = {step: summarize("crier-warm", results[step], count + (1 if step in ("one new article", "daemon restart")
                                                                   else 0)) for step in WARM_STEPS}
    cold = rows["cold"]
    lines = []
    for step in WARM_STEPS:
        row = rows[step]
        if "failed" in row:
            lines.append([step, "FAILED", "", "", row["failed"], "", row["runs"]])
            continue
        share = "%.1f%%" % (100.0 * row["wall"] / cold["wall"]) if "failed" not in cold else "n/a"
        cpu = "%.3f" % row["cpu"] if row.get("cpu") is not None else "-"
        rss = "%.1f" % row["rss_mb"] if row.get("rss_mb") is not None else "-"
        lines.append([step, "%.3f" % row["wall"], cpu, rss, row.get("entries", "-"), share, row["runs"]])
    return "N = {:,} articles, warm builds".format(count), header, lines, (
        "daemon restart: from starting `crier watch` to its first publish logged (nothing changed since the last build)")


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
    timed = [r for r in good if r.get("cpu") is not None]
    row["cpu"] = median([r["cpu"] for r in timed]) if timed else None
    row["rss_mb"] = median([r["rss_kb"] for r in timed]) / 1024.0 if timed else None
    row["bytes"] = good[-1].get("bytes", 0)
    row["entries"] = format_entries(good[-1].get("feeds", []), expected)
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
        warm = {step: [] for step in WARM_STEPS}
        for round_index in range(args.runs):
            shift = round_index % len(tools)
            order = tools[shift:] + tools[:shift]
            for tool in order:
                if tool == "crier-warm":
                    sequence = warm_sequence(size, crier, args.timeout, round_index)
                    for step in WARM_STEPS:
                        warm[step].append(sequence[step])
                        result = sequence[step]
                        log("N=%d round %d warm %-16s %s" % (count, round_index + 1, step, "wall %.3fs" % result["wall"]
                                                             if result["ok"] else "FAILED: " + result["error"]))
                    continue
                result = run_once(tool, size, crier, args.timeout)
                results[tool].append(result)
                log("N=%d round %d %-9s %s" % (count, round_index + 1, tool,
                                               "wall %.3fs cpu %.3fs rss %.1fMB" % (
                                                   result["wall"], result["cpu"], result["rss_kb"] / 1024.0)
                                               if result["ok"] else "FAILED: " + result["error"]))
        rows = [summarize(tool, results[tool], count) for tool in tools if tool != "crier-warm"]
        if rows:
            title, header, lines, floor_note = table(count, rows, size.floor_note if "floor" in tools else "")
            print_table(title, header, lines, floor_note)
            markdown.append(markdown_table(title, header, lines, floor_note))
        if "crier-warm" in tools:
            title, header, lines, note = warm_table(count, warm)
            print_table(title, header, lines, note)
            markdown.append(markdown_table(title, header, lines, note))
        shutil.rmtree(size.work, ignore_errors=True)
    if args.markdown_out:
        with open(args.markdown_out, "w", encoding="utf-8") as handle:
            handle.write("\n".join(markdown))
        log("wrote %s" % args.markdown_out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
