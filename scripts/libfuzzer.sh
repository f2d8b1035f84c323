#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer: scripts/libfuzzer.sh TARGET SECONDS
#
# Builds CrierFuzz with -sanitize=fuzzer into its own build folder (.build-libfuzzer, so normal builds are
# untouched; the first build compiles every dependency again, a few minutes), seeds a corpus like
# scripts/fuzz.sh does, and runs libFuzzer at low priority with a per-input bound of FUZZ_TIMEOUT_S seconds
# (default 5; libFuzzer's bound is wall-clock, so raise it when several run at once). Crashes and invariant
# failures are written to fuzz-findings/ by libFuzzer (crash-*, timeout-*, oom-*).
set -euo pipefail
target=${1:?usage: scripts/libfuzzer.sh plaintext|frontmatter|html|validator SECONDS}
seconds=${2:?usage: scripts/libfuzzer.sh TARGET SECONDS}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
flags=(--build-path .build-libfuzzer --product CrierFuzz -Xswiftc -sanitize=fuzzer -Xswiftc -DCRIER_LIBFUZZER -Xswiftc -parse-as-library)
nice -n 19 swift build "${flags[@]}" >"${TMPDIR:-/tmp}/crier-libfuzzer-build.log" 2>&1 \
  || { tail -30 "${TMPDIR:-/tmp}/crier-libfuzzer-build.log" >&2; exit 2; }
bin=$(swift build "${flags[@]}" --show-bin-path)/CrierFuzz

corpus="fuzz-corpus/$target"
mkdir -p "$corpus" fuzz-findings
case "$target" in
  plaintext) pattern='*.txt' ;; frontmatter) pattern='*.md' ;; html) pattern='*.htm*' ;; validator) pattern='*.xml' ;;
  *) echo "unknown target $target" >&2; exit 64 ;;
esac
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
python3 Tests/CrierTests/Hostile/make_hostile.py "$seeds/hostile" >/dev/null
find Samples "$seeds/hostile/source" feeds Tests/ValidationTests/Fixtures -type f -size -256k -name "$pattern" \
  -exec cp {} "$corpus/" \; 2>/dev/null || true
CRIER_FUZZ_TARGET=$target nice -n 19 "$bin" "$corpus" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT_S:-5}" -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix=fuzz-findings/"$target"- -print_final_stats=1
