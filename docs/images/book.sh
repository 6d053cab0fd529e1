#!/usr/bin/env bash
# Makes the README's book picture: pandoc turns three chapter pages of the Rust book (their
# <main>, as the toolchain's documentation ships them) into an EPUB 3, inkleaf builds it for
# the 4.2" panel, and the first page of its chapter "Storing UTF-8 Encoded Text with Strings"
# is rendered at 1:1. Needs pandoc and the rust-docs component.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
book="$(rustc --print sysroot)/share/doc/rust/html/book"
inkleaf() { cargo run -q --release -p inkleaf-cli -- "$@"; }
pages=()
for page in ch08-01-vectors ch08-02-strings ch08-03-hash-maps; do
    sed -n '/<main>/,/<\/main>/p' "$book/$page.html" > "$out/$page.html"
    pages+=("$out/$page.html")
done
pandoc -f html -t epub3 --epub-chapter-level=2 --metadata title="Common Collections" \
    --metadata lang=en -o "$out/collections.epub" "${pages[@]}" 2>/dev/null
inkleaf build "$out/collections.epub" --display 4.2in -o "$out/collections.inkleaf"
inkleaf inspect "$out/collections.inkleaf" | grep '^chapter'
first=$(inkleaf inspect --json "$out/collections.inkleaf" |
    grep -A12 '"title": "Storing UTF-8' | grep -m1 -A1 '"pages"' | tail -n 1 | tr -dc 0-9)
inkleaf render "$out/collections.inkleaf" -o "$out/png" --page "$first" --scale 1
cp "$out/png/page-$(printf %03d "$first").png" docs/images/book-chapter-4.2in.png
rm -r "$out"
