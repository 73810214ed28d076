#!/bin/sh
# Byte-identity check for speed work: every corpus page's JSON (article + cleaning plan) before
# and after a change. Speed passes keep outputs identical; this is how they show it.
#
#   bench/golden.sh save    # writes target/golden/base/<id>.json for all 617 dev-corpus pages
#   bench/golden.sh check   # rebuilds the CLI, writes them again, lists the pages that differ
#
# Needs ../shared (the dev corpora and score.py) beside the project.
set -e
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
DIR=target/golden
# The CLI cargo builds: under CARGO_TARGET_DIR when that is set (a worktree sharing a build).
CLI=${CARGO_TARGET_DIR:-target}/release/declutter
mkdir -p "$DIR"
if [ ! -s "$DIR/all.tsv" ]; then
  for d in readability trafilatura-dev; do
    python3 "$SHARED/eval/score.py" prepare "$d" "$DIR/in-$d" >/dev/null
  done
  cat "$DIR/in-readability/_list.tsv" "$DIR/in-trafilatura-dev/_list.tsv" > "$DIR/all.tsv"
fi
cargo build --release --bin declutter 2>&1 | tail -1
case "$1" in
  save)
    rm -rf "$DIR/base"
    "$CLI" --out "$DIR/base" --format json --list "$DIR/all.tsv" >/dev/null 2>&1 || true
    echo "saved $(ls "$DIR/base" | grep -c '\.json$') pages to $DIR/base"
    ;;
  check)
    rm -rf "$DIR/new"
    "$CLI" --out "$DIR/new" --format json --list "$DIR/all.tsv" >/dev/null 2>&1 || true
    n=$(diff -rq "$DIR/base" "$DIR/new" | grep -v -e _timing -e _version | wc -l)
    diff -rq "$DIR/base" "$DIR/new" | grep -v -e _timing -e _version | head -20
    echo "pages differing: $n"
    [ "$n" -eq 0 ]
    ;;
  *)
    echo "usage: bench/golden.sh save|check" >&2
    exit 2
    ;;
esac
