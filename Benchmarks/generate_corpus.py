#!/usr/bin/env python3
"""Generate a deterministic article corpus for Crier's benchmarks.

Usage: generate_corpus.py N SEED OUTDIR [--format txt|md|both]

Writes N articles shaped like /work/shared/seed/russian-pilot-defects.txt (a curly-quoted title line, a
subtitle line, seven paragraphs of about 80 words, the "Leave a Reply" boilerplate of a saved blog page;
about 3 KB each) as plain text under OUTDIR/txt/, and the same articles as Markdown with YAML front matter
under OUTDIR/md/ (named like 2024-03-05-some-slug.md). Each of those folders also gets the crier.yml the
benchmark uses, so `crier build OUTDIR/md --output DIR` works on it as is.

The text comes from random.Random(SEED) over a fixed, generated-by-hand word list, so the same N and SEED give
byte-identical files (and the same file modification times, set to each article's date, because a plain-text
article has no date of its own and a tool may fall back to the file's mtime).
"""

import argparse
import datetime
import os
import random
import sys

# A fixed vocabulary written for this script: common English words grouped by part of speech so the sentences
# read roughly like prose. No text is copied from anywhere; order and choice come from the seeded generator.
NOUNS = """
agency analyst answer area army attempt border budget camp capital case change city coast committee
community conflict council country court crew crisis decision delegation desert detail document effort
election energy event evidence family farmer figure force future government group harbour helicopter
hospital hotline idea image industry information journalist law leader letter line market meeting
message minister month moment morning nation network news number office officer official option order
parliament people period pilot plan planet police policy position power press price problem process
project question railway region report reward river road rule school season security service signal
situation soldier source station story strategy street student summer system telephone television
territory town trade train treaty troop truth valley value video village voice volunteer war water week
winter witness worker world writer year
""".split()
VERBS = """
accepts announces asks builds calls carries changes claims closes confirms considers crosses decides
delivers denies describes discovers encourages ends explains faces finds follows gives guarantees helps
holds improves includes joins keeps leaves meets moves needs offers opens passes plans prepares promises
protects publishes raises reaches receives records reduces refuses remains reports requires returns
reveals runs says sends shows signs starts suggests supports takes tells tracks understands uses visits
wants warns watches
""".split()
ADJECTIVES = """
available broad careful central civil clear close common complete critical current dangerous different
difficult direct early easy economic effective entire final financial foreign formal free full general
great hard heavy high important independent large late legal local long main major military modern
national natural new northern official old open other persistent political popular possible private
public quick rare real recent regional safe second serious short significant simple small social
southern special strong sudden surprising technical total uncertain unusual urgent useful various
western wide young
""".split()
ADVERBS = """
again already also apparently carefully certainly clearly closely currently directly early finally
formally gradually largely likely mostly nearly now officially often only openly perhaps possibly
precisely quickly rarely recently reportedly slowly soon still suddenly together usually widely
""".split()
CONNECTORS = """
according to the latest figures,|at the same time,|in addition,|however,|for now,|in any case,|
on the other hand,|as a result,|in practice,|meanwhile,|by contrast,|so far,
""".replace("\n", "").split("|")
NAMES = """
Adler Baranov Castell Dumont Ekberg Farago Gallo Halvorsen Ionescu Jansen Kowalski Lindqvist Moreau Novak
Oliveira Petrov Quint Rossi Szabo Tanaka Ueda Varga Weber Xu Yilmaz Zeller
""".split()
TAGS = """
politics economy defence energy transport health science culture media europe asia africa americas
climate technology law elections security diplomacy society
""".split()

BOILERPLATE = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"
FIRST_DATE = datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone.utc)
SPAN_SECONDS = 3 * 365 * 24 * 3600  # dates spread over three years
OFFSETS_MINUTES = [0, 60, 120, -300, -420, 330, 540, -180]  # UTC, CET, EET, EST, PDT, IST, JST, BRT

CRIER_YML = """\
# Written by Benchmarks/generate_corpus.py for the benchmark corpus ({n} articles, seed {seed}).
title: "Crier benchmark ({n} articles)"
description: "A generated corpus of {n} articles for measuring feed builds."
base_url: "https://bench.example.org/"
author:
  name: "Bench Writer"
  email: "writer@bench.example.org"
language: "en"
time_zone: "Europe/Paris"
# 0 means no limit: the benchmark wants every article in every feed, and (max_bytes: 0) in one document, as
# Hugo and python-feedgen write it.
limit: 0
max_bytes: 0
formats: [rss, atom, json]
"""


def capitalized(text):
    return text[:1].upper() + text[1:]


def possessive(rng, noun):
    """Sometimes writes a possessive with the typographic apostrophe, as the seed article does (non-ASCII)."""
    return noun + "\u2019s" if rng.random() < 0.08 else noun


def sentence(rng, markdown_marks):
    """One sentence of 8 to 22 words; `markdown_marks` collects where the Markdown copy adds emphasis/links."""
    words = []
    if rng.random() < 0.25:
        words.extend(rng.choice(CONNECTORS).split())
    words.append("the")
    if rng.random() < 0.5:
        words.append(rng.choice(ADJECTIVES))
    words.append(possessive(rng, rng.choice(NOUNS)))
    if rng.random() < 0.3:
        words.append(rng.choice(ADVERBS))
    words.append(rng.choice(VERBS))
    length = rng.randint(8, 22)
    while len(words) < length:
        roll = rng.random()
        if roll < 0.15:
            words.extend(["a", rng.choice(ADJECTIVES), rng.choice(NOUNS)])
        elif roll < 0.25:
            words.extend(["with", rng.choice(NAMES)])
        elif roll < 0.32:
            words.append("\u201c%s %s\u201d" % (rng.choice(ADJECTIVES), rng.choice(NOUNS)))
        elif roll < 0.38:
            words.append(str(rng.randint(2, 9999)))
        elif roll < 0.6:
            words.extend([rng.choice(["in", "for", "near", "after", "before", "across"]), "the",
                          rng.choice(NOUNS)])
        elif roll < 0.75:
            words.extend(["and", rng.choice(VERBS), "the", rng.choice(NOUNS)])
        else:
            words.extend(["of", rng.choice(NOUNS)])
    # Decide the Markdown decoration now, from the same generator, so the .txt and .md bodies stay aligned.
    mark = rng.random()
    if mark < 0.06:
        markdown_marks.append(("em", len(words) - 1))
    elif mark < 0.09:
        markdown_marks.append(("link", len(words) - 1))
    else:
        markdown_marks.append(None)
    ending = "." if rng.random() < 0.9 else rng.choice(["?", "!", ":"])
    return words, ending


def paragraph(rng):
    """About 70 to 80 words: sentences until the count passes 64; returns (plain, markdown) renderings."""
    plain, marked, count = [], [], 0
    while count < 64:
        marks = []
        words, ending = sentence(rng, marks)
        count += len(words)
        plain_words = list(words)
        md_words = list(words)
        mark = marks[0]
        if mark is not None:
            kind, index = mark
            if kind == "em":
                md_words[index] = "*%s*" % md_words[index]
            else:
                slug = md_words[index].strip("\u201c\u201d").replace("\u2019", "").replace(" ", "-")
                md_words[index] = "[%s](https://example.org/topics/%s)" % (md_words[index], slug.lower())
        plain.append(capitalized(" ".join(plain_words)) + ending)
        marked.append(capitalized(" ".join(md_words)) + ending)
    return " ".join(plain), " ".join(marked)


def slugify(title):
    keep = []
    for char in title.lower():
        if char.isascii() and char.isalnum():
            keep.append(char)
        elif keep and keep[-1] != "-":
            keep.append("-")
    return "".join(keep).strip("-")[:60].strip("-") or "article"


def article(rng, index):
    """Everything one article needs, drawn in a fixed order from `rng`."""
    title_words = [rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(VERBS), rng.choice(NOUNS)]
    if rng.random() < 0.5:
        title_words += ["in", rng.choice(NAMES)]
    title = capitalized(" ".join(title_words))
    subtitle = "Report on the %s %s: %s %s %s %s" % (
        rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(NAMES), rng.choice(VERBS), "the",
        rng.choice(NOUNS))
    offset = rng.choice(OFFSETS_MINUTES)
    zone = datetime.timezone(datetime.timedelta(minutes=offset))
    # Whole minutes, and distinct per article (index breaks ties), so sorting by date is stable.
    moment = FIRST_DATE + datetime.timedelta(seconds=rng.randrange(0, SPAN_SECONDS // 60) * 60 + index)
    date = moment.astimezone(zone)
    author = "%s %s" % (rng.choice(["Ana", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Greta", "Hugo"]),
                        rng.choice(NAMES))
    tags = sorted(set(rng.sample(TAGS, rng.randint(1, 3))))
    paragraphs = [paragraph(rng) for _ in range(7)]
    return {"title": title, "subtitle": subtitle, "date": date, "author": author, "tags": tags,
            "paragraphs": paragraphs}


def yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def txt_document(art):
    body = "\n\n".join(plain for plain, _ in art["paragraphs"])
    return "\u201c%s\u201d\n\n%s\n\n%s\n\n%s" % (art["title"], art["subtitle"], body, BOILERPLATE)


def md_document(art):
    # The blog boilerplate belongs to a saved web page, not to an authored Markdown file, so it is left out;
    # the subtitle becomes the summary.
    lines = [
        "---",
        "title: " + yaml_string(art["title"]),
        "date: " + art["date"].isoformat(),
        "author: " + yaml_string(art["author"]),
        "tags: [" + ", ".join(art["tags"]) + "]",
        "summary: " + yaml_string(art["subtitle"]),
        "---",
        "",
    ]
    body = "\n\n".join(marked for _, marked in art["paragraphs"])
    return "\n".join(lines) + body + "\n"


def write(path, text, timestamp):
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.utime(path, (timestamp, timestamp))


def generate(count, seed, outdir, formats):
    rng = random.Random(seed)
    folders = {fmt: os.path.join(outdir, fmt) for fmt in formats}
    for fmt, folder in folders.items():
        os.makedirs(folder, exist_ok=True)
        write(os.path.join(folder, "crier.yml"), CRIER_YML.format(n=count, seed=seed), FIRST_DATE.timestamp())
    used = set()
    for index in range(count):
        art = article(rng, index)
        slug = slugify(art["title"])
        if slug in used:
            slug = "%s-%d" % (slug, index)
        used.add(slug)
        stamp = art["date"].timestamp()
        if "txt" in folders:
            write(os.path.join(folders["txt"], slug + ".txt"), txt_document(art), stamp)
        if "md" in folders:
            name = "%s-%s.md" % (art["date"].strftime("%Y-%m-%d"), slug)
            write(os.path.join(folders["md"], name), md_document(art), stamp)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("seed", type=int, help="seed for random.Random")
    parser.add_argument("outdir", help="folder to write txt/ and/or md/ into")
    parser.add_argument("--format", choices=["txt", "md", "both"], default="both")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    formats = ["txt", "md"] if args.format == "both" else [args.format]
    generate(args.count, args.seed, args.outdir, formats)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
