#!/usr/bin/env bash
# Fuzzes one of Crier's parsers for a while: scripts/fuzz.sh TARGET SECONDS [SEED]
#
# TARGET: plaintext, frontmatter, validator or html. Builds the CrierFuzz executable (debug), gathers seed
# inputs (Samples/, the hostile fixture, the committed feeds, the validator's fixtures), and runs a seeded
# mutation loop at low priority: no crash, no input slower than FUZZ_TIMEOUT_MS (default 5000), and the
# target's invariants. A failing input is kept in fuzz-findings/ with the seed that found it.
set -euo pipefail

target=${1:?usage: scripts/fuzz.sh plaintext|frontmatter|validator|html SECONDS [SEED]}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS [SEED]}
seed=${3:-$RANDOM$RANDOM}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

nice -n 19 swift build --product CrierFuzz >"${TMPDIR:-/tmp}/crier-fuzz-build.log" 2>&1 \
  || { cat "${TMPDIR:-/tmp}/crier-fuzz-build.log" >&2; exit 2; }
bin=$(swift build --show-bin-path)/CrierFuzz

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Tests/CrierTests/Hostile/make_hostile.py "$work/hostile" >/dev/null
case "$target" in
  plaintext) pattern='*.txt' ;;
  frontmatter) pattern='*.md' ;;
  html) pattern='*.htm*' ;;
  validator) pattern='*.xml' ;;
  *) echo "unknown target $target (plaintext, frontmatter, validator, html)" >&2; exit 64 ;;
esac
# Seeds: regular files under 256 KB (the 10 MB article would only slow every mutation down).
mapfile -t seeds < <(
  find Samples "$work/hostile/source" feeds Tests/ValidationTests/Fixtures -type f -size -256k -name "$pattern"
  [ "$target" = validator ] && find feeds Tests/ValidationTests/Fixtures -type f -name '*.json'
  true
)
echo "fuzz $target for ${seconds}s, seed $seed, ${#seeds[@]} seed files"

mkdir -p fuzz-findings
current="$work/current.bin"
status=0
nice -n 19 "$bin" "$target" --seconds "$seconds" --seed "$seed" --timeout-ms "${FUZZ_TIMEOUT_MS:-5000}" \
  --crash-file "$current" "${seeds[@]}" || status=$?
if [ "$status" -ne 0 ]; then
  kept="fuzz-findings/$target-seed$seed-status$status.bin"
  cp "$current" "$kept"
  echo "FAILED (exit status $status): input kept in $kept" >&2
  exit 1
fi
