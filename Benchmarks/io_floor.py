#!/usr/bin/env python3
"""The I/O floor: the least any feed builder must do, read every corpus byte once and write its output.

Usage: io_floor.py CORPUS OUTDIR BYTES

Reads every file under CORPUS once (sorted walk, 1 MiB reads) and writes BYTES bytes to OUTDIR/floor.out as it
goes, made of the bytes it read (then the first MiB read, repeated, if the output is larger than the corpus). No parsing, no rendering: what is left
is process start-up, the system calls and the page-cache copies, measured the same way as the real tools.
"""

import os
import sys

CHUNK = 1 << 20


def main(argv):
    if len(argv) != 3:
        print("usage: io_floor.py CORPUS OUTDIR BYTES", file=sys.stderr)
        return 2
    corpus, outdir, wanted = argv[0], argv[1], int(argv[2])
    os.makedirs(outdir, exist_ok=True)
    read_total, written, pad = 0, 0, bytearray()
    # Stream: each block read is written at once (while output is still wanted), so memory stays at one
    # block, as it would for a tool that writes its feed incrementally.
    with open(os.path.join(outdir, "floor.out"), "wb") as out:
        for root, dirs, files in os.walk(corpus):
            dirs.sort()
            for name in sorted(files):
                with open(os.path.join(root, name), "rb") as handle:
                    while True:
                        block = handle.read(CHUNK)
                        if not block:
                            break
                        read_total += len(block)
                        if len(pad) < CHUNK:
                            pad += block[: CHUNK - len(pad)]
                        if written < wanted:
                            piece = block[: wanted - written]
                            out.write(piece)
                            written += len(piece)
        # Output larger than the corpus (three feeds of full content are): repeat the first MiB read.
        pad = bytes(pad) or b"\n"
        while written < wanted:
            piece = pad[: wanted - written]
            out.write(piece)
            written += len(piece)
    print("io_floor: read %d bytes, wrote %d bytes" % (read_total, written), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
