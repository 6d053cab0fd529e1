#!/usr/bin/env python3
"""Moves the `blob` seeds to the engine's format version, so they stay useful seeds.

The version is bytes 4..6 of the 16-byte header (u16 little-endian, after the magic `INKL`;
engine/src/format/header.rs). Only seeds that carry the magic and the old version are
rewritten; seeds whose header was mutated into another version keep it, as they check its
refusal. The CRC covers the payload only, and the target fixes it up anyway. A rewritten
seed is renamed to the SHA-1 of its new bytes, as libFuzzer names what it saves.

    python3 fuzz/migrate_seeds.py [--from OLD] [--to NEW] [DIR]

NEW defaults to `FORMAT_VERSION` in engine/src/format/header.rs, OLD to NEW - 1, DIR to
fuzz/corpus/blob.
"""

import argparse
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAGIC = b"INKL"


def engine_version() -> int:
    header = (ROOT / "engine/src/format/header.rs").read_text()
    found = re.search(r"pub const FORMAT_VERSION: u16 = (\d+);", header)
    if not found:
        sys.exit("FORMAT_VERSION not found in engine/src/format/header.rs")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="old", type=int)
    parser.add_argument("--to", dest="new", type=int)
    parser.add_argument("dir", nargs="?", default=str(ROOT / "fuzz/corpus/blob"))
    args = parser.parse_args()
    new = engine_version() if args.new is None else args.new
    old = new - 1 if args.old is None else args.old
    rewritten = kept = 0
    for seed in sorted(pathlib.Path(args.dir).iterdir()):
        data = bytearray(seed.read_bytes())
        if data[:4] == MAGIC and len(data) >= 6 and int.from_bytes(data[4:6], "little") == old:
            data[4:6] = new.to_bytes(2, "little")
            seed.unlink()
            (seed.parent / hashlib.sha1(data).hexdigest()).write_bytes(data)
            rewritten += 1
        else:
            kept += 1
    print(f"version {old} -> {new}: {rewritten} seeds rewritten, {kept} left as they were")


if __name__ == "__main__":
    main()
