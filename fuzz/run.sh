#!/usr/bin/env bash
# Runs flowcost's libFuzzer targets for a while each (docs/fuzzing.md).
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     default 60 s, every target
# Builds the targets first in FLOWCOST_FUZZ_DIR (default build-fuzz, clang++ with ASan and UBSan). Each
# target starts from its seed corpus (tests/data, shipped scenarios and tables, fuzz/seeds) plus what
# earlier runs kept in FLOWCOST_FUZZ_DIR/corpus/TARGET. A crash, a leak, a sanitizer report, an input
# slower than 10 s or more than 2 GB of memory stops the run with exit code 1, and libFuzzer writes the
# input to FLOWCOST_FUZZ_DIR/findings/. The mutation sequence starts from FLOWCOST_FUZZ_SEED (default 1), so
# a run on a fresh folder repeats what an earlier run with the same seed tried; set it to 0 for a random seed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
dir="${FLOWCOST_FUZZ_DIR:-build-fuzz}"
all=(asl scenario price_table offer empirical_csv expression iot_sql template production)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DFLOWCOST_FUZZ=ON -DFLOWCOST_WERROR=OFF -DFLOWCOST_BENCH=OFF >/dev/null
cmake --build "$dir" -j "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")

seeds_of() {
  case "$1" in
    asl) echo tests/data/asl scenarios ;;
    scenario) echo tests/data/scenario tests/data/run tests/data/iot tests/data/sfn tests/data/whatif scenarios ;;
    price_table) echo pricing/tables tests/data/pricing ;;
    offer) echo tests/data/pricing/offers ;;
    empirical_csv) echo tests/data/scenario/samples.csv tests/data/scenario/bad_samples.csv ;;
    expression) echo fuzz/seeds/expression ;;
    iot_sql) echo fuzz/seeds/iot_sql ;;
    template) echo tests/data/templates tests/data/templates/cdk.out tests/data/templates/statemachine ;;
    production) echo tests/data/fit tests/data/fit/histories ;;
  esac
}
dict_of() {
  case "$1" in
    asl | template) echo fuzz/dict/asl.dict ;;
    scenario) echo fuzz/dict/scenario.dict ;;
    price_table) echo fuzz/dict/scenario.dict ;;
    offer | empirical_csv) echo fuzz/dict/csv.dict ;;
    expression) echo fuzz/dict/expression.dict ;;
    iot_sql) echo fuzz/dict/iot_sql.dict ;;
    production) echo fuzz/dict/production.dict ;;
  esac
}

mkdir -p "$dir/findings"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in "${targets[@]}"; do
  corpus="$dir/corpus/$t"
  mkdir -p "$corpus"
  # Single seed files are copied into the corpus (libFuzzer takes folders).
  seed_dirs=()
  for s in $(seeds_of "$t"); do
    if [ -d "$s" ]; then seed_dirs+=("$s"); else cp "$s" "$corpus/"; fi
  done
  echo "== fuzz_$t for ${seconds} s"
  log="$dir/findings/$t.log"
  status=0
  "$dir/fuzz/fuzz_$t" "$corpus" "${seed_dirs[@]}" -dict="$(dict_of "$t")" -max_total_time="$seconds" \
      -seed="${FLOWCOST_FUZZ_SEED:-1}" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$dir/findings/$t-" >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    tail -n 80 "$log"
    echo "fuzz_$t found a problem (exit $status); the input is in $dir/findings/" >&2
    exit 1
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^Done " "$log" || true
done
