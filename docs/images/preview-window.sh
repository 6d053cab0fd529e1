#!/usr/bin/env bash
# Makes the README's preview picture: `inkleaf preview` in its window (the `window` feature)
# on a virtual X server, the keys "t 3" pressed (the table of contents, its third entry), and
# a screenshot of the window. Needs libsdl2-dev, xvfb, xdotool and imagemagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q --release -p inkleaf-cli --features window
Xvfb :87 -screen 0 1280x1024x24 -nolisten tcp 2>/dev/null &
xvfb=$!
trap 'kill "$xvfb"' EXIT
sleep 1
export DISPLAY=:87
target/release/inkleaf preview tests/fixtures/device/book-4.2in.inkleaf --keys "t 3" &
window=$(xdotool search --sync --name '^inkleaf preview' | head -n 1)
sleep 2 # the keys of the script, pressed in the window
import -window "$window" docs/images/preview-window.png
xdotool key --window "$window" q
wait %2
