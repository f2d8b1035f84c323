#!/usr/bin/env bash
# Kills `crier build` with SIGKILL at random moments and checks that what is on disk is always usable.
#
#   scripts/kill-loop.sh [--seconds N] [--iterations N] [--articles N] [--seed N] [--compare-cold]
#
# Generates a corpus (Benchmarks/generate_corpus.py, Markdown, limit 50 so RFC 5005 archive pages exist too),
# builds it once, then repeatedly: edits the corpus (adds, edits or deletes an article so the next build has
# something to write), starts `crier build`, and kills it -9 after a random delay up to a bit more than one
# build's duration. After every kill: every feed file in the output folder must pass `crier validate` without
# errors, and the state store must pass `pragma integrity_check`. Ends after N seconds (default 60) or N
# iterations, with one uninterrupted build that must succeed, and prints `N passed, N failed`.
# With --compare-cold, every kill is also followed by a complete build, which takes what the killed one left in
# the build cache (beside the state store), and its feeds must equal, byte for byte, those of a cold build (a
# copy of the state store, a fresh output folder, no cache).
# CRIER=path/to/crier uses that binary instead of building the debug one.
set -uo pipefail

seconds=60
iterations=1000000
articles=300
seed=$RANDOM
compare_cold=0
while [ $# -gt 0 ]; do
  case "$1" in
    --compare-cold) compare_cold=1; shift ;;
    --seconds) seconds=$2; shift 2 ;;
    --iterations) iterations=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--iterations N] [--articles N] [--seed N] [--compare-cold]" >&2; exit 64 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${CRIER:-}" ]; then
  (cd "$root" && swift build --product crier >/dev/null) || { echo "swift build failed" >&2; exit 2; }
  CRIER=$(cd "$root" && swift build --show-bin-path)/crier
fi
RANDOM=$seed

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/Benchmarks/generate_corpus.py" "$articles" "$seed" "$work/corpus" --format md >/dev/null
source="$work/corpus/md"
sed -i 's/^limit: .*/limit: 50/' "$source/crier.yml"
output="$work/public"
state="$work/state.sqlite"

start_ns=$(date +%s%N)
"$CRIER" build "$source" --output "$output" --state "$state" >/dev/null 2>"$work/first.err" \
  || { echo "the first build failed:" >&2; cat "$work/first.err" >&2; exit 2; }
build_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
max_delay_ms=$(( build_ms * 12 / 10 + 20 ))
echo "kill loop: $articles articles, seed $seed, one build takes ${build_ms} ms; killing within ${max_delay_ms} ms"

# Changes the corpus a little so each build has new bytes to write (and sometimes archive pages to move).
edit_corpus() {
  local files=("$source"/*.md)
  local pick=${files[RANDOM % ${#files[@]}]}
  case $((RANDOM % 3)) in
    0) printf '\nAn added paragraph, edit %d.\n' "$RANDOM" >>"$pick" ;;
    1) sed "s/^title: .*/title: \"Copy $RANDOM\"/" "$pick" >"$source/copy-$RANDOM-$RANDOM.md" ;;
    2) [ ${#files[@]} -gt 20 ] && rm -f "$pick" ;;
  esac
}

# Checks what a killed build left: every feed validates, the state store is intact.
check_output() {
  local problems=0 file
  while IFS= read -r -d '' file; do
    if ! "$CRIER" validate "$file" >"$work/validate.out" 2>&1; then
      echo "  $(basename "$file") fails validation: $(head -c 300 "$work/validate.out")"
      problems=$((problems + 1))
    fi
  done < <(find "$output" -type f -not -name '.*' -print0)
  if ! python3 - "$state" <<'PY'
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
result = connection.execute("pragma integrity_check").fetchone()[0]
connection.execute("select count(*) from sqlite_master").fetchone()
sys.exit(0 if result == "ok" else "integrity_check: " + result)
PY
  then
    echo "  the state store fails integrity_check"
    problems=$((problems + 1))
  fi
  return $problems
}

# A complete build after a kill (warm: it reads the cache the killed build left) must publish exactly what a cold
# build publishes with the same state store.
compare_with_cold() {
  if ! "$CRIER" build "$source" --output "$output" --state "$state" >/dev/null 2>"$work/warm.err"; then
    echo "  the build after the kill failed: $(head -c 300 "$work/warm.err")"
    return 1
  fi
  rm -rf "$work/cold" && mkdir "$work/cold" && cp "$state" "$work/cold/state.sqlite"
  if ! "$CRIER" build "$source" --output "$work/cold/out" --state "$work/cold/state.sqlite" >/dev/null 2>&1; then
    echo "  the cold build failed"
    return 1
  fi
  if ! diff -r -x '.*' "$output" "$work/cold/out" >"$work/diff.out"; then
    echo "  the build after the kill differs from a cold build: $(head -c 300 "$work/diff.out")"
    return 1
  fi
}

passed=0
failed=0
killed_mid_build=0
deadline=$(( $(date +%s) + seconds ))
iteration=0
while [ "$iteration" -lt "$iterations" ] && [ "$(date +%s)" -lt "$deadline" ]; do
  iteration=$((iteration + 1))
  edit_corpus
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % max_delay_ms ))
  "$CRIER" build "$source" --output "$output" --state "$state" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed_mid_build=$((killed_mid_build + 1)); fi
  wait "$pid" 2>/dev/null
  if check_output && { [ "$compare_cold" -eq 0 ] || compare_with_cold; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "iteration $iteration (killed after ${delay_ms} ms) left a broken output folder or state store"
  fi
done

# After all the kills, one build left alone must succeed and leave valid feeds.
if "$CRIER" build "$source" --output "$output" --state "$state" >/dev/null 2>"$work/last.err" && check_output; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  echo "the uninterrupted build after the kills failed: $(head -c 500 "$work/last.err")"
fi
# A build that runs to the end removes what killed ones left behind.
leftovers=$(find "$output" -name '.*.tmp-*' | wc -l)
if [ "$leftovers" -ne 0 ]; then
  failed=$((failed + 1))
  echo "the uninterrupted build left $leftovers temp files from killed builds"
fi
echo "$iteration iterations, $killed_mid_build killed mid-build"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
