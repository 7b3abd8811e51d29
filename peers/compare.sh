#!/usr/bin/env bash
# One command, one session: piiscrub, Presidio, datafog-core and redact-core on the same texts, one thread.
#
#   peers/compare.sh [CORPUS.jsonl] [PASSES]
#
# CORPUS defaults to the shared dev corpus (../shared/corpus/dev.jsonl beside the project; set
# PIISCRUB_SHARED to point elsewhere). Presidio comes from ../shared/bench/setup_presidio.sh (a cached
# virtual environment; the first run installs it from PyPI) and is timed by presidio_predict.py, analyze and
# analyze + anonymize (replace); the Rust tools are timed by this crate. The table gives MB/s and ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${PIISCRUB_SHARED:-$here/../../shared}
corpus=$(realpath "${1:-$shared/corpus/dev.jsonl}")
passes=${2:-3}
venv=$(bash "$shared/bench/setup_presidio.sh" | tail -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== Presidio on $corpus (one thread; takes a few minutes)"
"$venv/bin/python" "$shared/bench/presidio_predict.py" --corpus "$corpus" --out "$work/presidio.jsonl" \
  --anonymize | tail -1 | tee "$work/presidio.json"
echo "== Rust tools on the same texts"
cd "$here"
cargo run --release --quiet -- "$corpus" "$passes" --presidio "$work/presidio.json"
