#!/bin/sh
# Measures Vigil side by side with its peers in one run, so that the ratios hold even on a busy machine:
#   - time from spawn to the first frame and peak memory at the sign-in, against a bare ratatui app;
#   - `vigil report --format json` on generated records, against the pandas script on the same data
#     (the first run after the records are written, and a repeat run);
#   - the size of the release binary, against the bare app's.
# The tools are in ../shared/bench (see its README); they are built into ../bench-target.
#
# Usage: benches/compare.sh            (from the repository; RUNS, RECORDS and REPEATS may be set)
# Needs: a Rust toolchain, python3; pandas and numpy for the report comparison (pip install pandas numpy).
set -eu

cd "$(dirname "$0")/.."
BENCH=${BENCH:-../shared/bench}
TOOLS=${BENCH_TARGET:-../bench-target}
RUNS=${RUNS:-30}
RECORDS=${RECORDS:-10000}
REPEATS=${REPEATS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "building (release) ..." >&2
cargo build --release --quiet
CARGO_TARGET_DIR=$TOOLS cargo build --release --quiet --manifest-path "$BENCH/ttff/Cargo.toml"
CARGO_TARGET_DIR=$TOOLS cargo build --release --quiet --manifest-path "$BENCH/bare/Cargo.toml"
# The pseudo-terminal spawns only absolute paths.
VIGIL=$(realpath "${CARGO_TARGET_DIR:-target}/release/vigil")
TOOLS=$(realpath "$TOOLS")

# summary FILE NAME: the median of a SUMMARY line of ttff's output.
summary() {
    sed -n "s/^SUMMARY $2 median=\([0-9.]*\).*/\1/p" "$1"
}

# ratio A B: A / B to two decimals.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

# seconds CMD...: the wall time of one run of CMD, in seconds; its output is dropped.
seconds() {
    python3 -c '
import subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(f"{time.perf_counter() - start:.4f}")' "$@"
}

# median VALUES...
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print (NR % 2) ? v[m] : (v[m] + v[m + 1]) / 2 }'
}

echo "time to first frame and memory, $RUNS runs each ..." >&2
# ttff NAME ARGS...: runs ttff, its summary in $WORK/NAME.txt; on failure shows why and stops.
ttff() {
    name=$1
    shift
    if ! "$TOOLS/release/ttff" --runs "$RUNS" "$@" > "$WORK/$name.txt" 2> "$WORK/$name.err"; then
        cat "$WORK/$name.err" >&2
        exit 1
    fi
}
ttff bare --needle "Which system call" --quit q -- "$TOOLS/release/bare"
mkdir -p "$WORK/home"
ttff vigil --env "HOME=$WORK/home" --needle "Your name" --quit '\x03' -- "$VIGIL"
bare_ms=$(summary "$WORK/bare.txt" first_frame_ms)
vigil_ms=$(summary "$WORK/vigil.txt" first_frame_ms)
bare_kib=$(summary "$WORK/bare.txt" vmhwm_settled_kib)
vigil_kib=$(summary "$WORK/vigil.txt" vmhwm_settled_kib)

bare_bytes=$(wc -c < "$TOOLS/release/bare")
vigil_bytes=$(wc -c < "$VIGIL")

report_line="report: pandas or numpy missing (pip install pandas numpy); not compared"
if python3 -c 'import pandas, numpy' 2>/dev/null; then
    echo "report on $RECORDS records, median of $REPEATS ..." >&2
    first="" repeat="" pandas=""
    for n in $(seq "$REPEATS"); do
        rm -rf "$WORK/results" "$WORK/home$n"
        mkdir -p "$WORK/home$n"
        python3 "$BENCH/gen_records.py" "$RECORDS" "$WORK/results"
        # A fresh home each time: no cache of an earlier run can help the first one.
        first="$first $(seconds env HOME="$WORK/home$n" XDG_CACHE_HOME="$WORK/home$n/.cache" \
            "$VIGIL" report --format json --results "$WORK/results")"
        repeat="$repeat $(seconds env HOME="$WORK/home$n" XDG_CACHE_HOME="$WORK/home$n/.cache" \
            "$VIGIL" report --format json --results "$WORK/results")"
        python3 "$BENCH/export_long_csv.py" "$WORK/results" "$WORK/long.csv"
        pandas="$pandas $(seconds python3 "$BENCH/pandas_report.py" "$WORK/long.csv")"
    done
    # shellcheck disable=SC2086 # the lists are meant to be split
    first=$(median $first) repeat=$(median $repeat) pandas=$(median $pandas)
    report_line=$(printf 'report, %s records: first run %.3f s, repeat %.3f s; pandas %.3f s -> pandas/vigil %s and %s (goal >= 10)' \
        "$RECORDS" "$first" "$repeat" "$pandas" "$(ratio "$pandas" "$first")" "$(ratio "$pandas" "$repeat")")
fi

echo
echo "Vigil against its peers, measured in one run on $(nproc) cores (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf 'first frame: vigil %s ms, bare %s ms -> %sx the bare app (goal <= 1.5x)\n' \
    "$vigil_ms" "$bare_ms" "$(ratio "$vigil_ms" "$bare_ms")"
printf 'peak memory at the sign-in: vigil %s KiB, bare %s KiB -> %sx (goal <= 8192 KiB)\n' \
    "$vigil_kib" "$bare_kib" "$(ratio "$vigil_kib" "$bare_kib")"
printf 'release binary: vigil %s bytes, bare %s bytes -> %sx (goal <= 8 MB)\n' \
    "$vigil_bytes" "$bare_bytes" "$(ratio "$vigil_bytes" "$bare_bytes")"
echo "$report_line"
