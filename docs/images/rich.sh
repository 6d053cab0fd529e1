#!/usr/bin/env bash
# Makes the README's rich-text pictures from docs/images/rich.md: its first page on the
# 2.9" panel in 1 bit at 2x, and on the 4.2" panel in 4-bit gray at 1:1.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
inkleaf() { cargo run -q --release -p inkleaf-cli -- "$@"; }
inkleaf build docs/images/rich.md -o "$out/rich-2.9in.inkleaf"
inkleaf render "$out/rich-2.9in.inkleaf" -o "$out/2.9in" --page 1 --scale 2
cp "$out/2.9in/page-001.png" docs/images/rich-2.9in.png
inkleaf build docs/images/rich.md --display 4.2in --bits 4 -o "$out/rich-4.2in.inkleaf"
inkleaf render "$out/rich-4.2in.inkleaf" -o "$out/4.2in" --page 1 --scale 1
cp "$out/4.2in/page-001.png" docs/images/rich-4.2in-gray.png
rm -r "$out"
