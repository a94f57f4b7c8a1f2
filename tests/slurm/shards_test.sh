#!/usr/bin/env bash
# The scale-out test under a real Slurm (docs/scale-out.md): three shards of a run (then of a sweep) as an array job
# (sbatch --array=0-2, each `--shard auto/3` from SLURM_ARRAY_TASK_ID) with the job files of docs/jobs/, a
# merge job that depends on them (--dependency=afterok), then the merged CSV and JSON compared byte for byte
# with one unsharded run (JSON without performance.wall_seconds). Needs the cluster of tests/slurm/cluster.sh
# (the ctest fixture starts it). Fails, never skips, when Slurm cannot run the jobs; gives up after
# FLOWCOST_SLURM_TIMEOUT seconds (default 300).
# Usage: shards_test.sh FLOWCOST_BINARY SOURCE_DIR
set -euo pipefail
flowcost="$(realpath "$1")"
src="$(realpath "$2")"
export SLURM_CONF="${FLOWCOST_SLURM_DIR:-/var/lib/flowcost-slurm}/slurm.conf"
PATH="$PATH:/usr/sbin"
timeout_s="${FLOWCOST_SLURM_TIMEOUT:-300}"

work="$(mktemp -d /tmp/flowcost_slurm.XXXXXX)"
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
scenario="$src/scenarios/article-choice.yaml"
args="--draws 7 --executions 300 --seed 11"

fail() {
  echo "shards_test: $*" >&2
  for log in "$work"/*.log; do [ -f "$log" ] && { echo "--- $log" >&2; cat "$log" >&2; }; done
  exit 1
}

submit() { sbatch --parsable --chdir="$work" "$@" | cut -d';' -f1; }

for format in csv json; do
  rm -f "$work"/part-*.json
  array=$(FLOWCOST="$flowcost" SCENARIO="$scenario" SHARDS=3 OUT="$work" FLOWCOST_ARGS="$args" \
          submit --array=0-2 "$src/docs/jobs/flowcost-shards.sbatch") || fail "sbatch of the shards failed"
  merge=$(FLOWCOST="$flowcost" OUT="$work" FORMAT="$format" \
          submit --dependency="afterok:$array" "$src/docs/jobs/flowcost-merge.sbatch") || fail "sbatch of the merge failed"
  waited=0
  while [ -n "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]; do
    [ "$waited" -ge "$timeout_s" ] && { scancel "$array" "$merge" 2>/dev/null || true; fail "jobs $array and $merge not done after ${timeout_s}s: $(squeue -j "$array,$merge" 2>&1)"; }
    sleep 1
    waited=$((waited + 1))
  done
  [ -f "$work/merged.$format" ] || fail "the merge job $merge wrote no $work/merged.$format"
  # shellcheck disable=SC2086
  "$flowcost" run "$scenario" $args --format "$format" -o "$work/single.$format" || fail "the unsharded run failed"
  if [ "$format" = json ]; then
    for f in merged single; do grep -v '"wall_seconds"' "$work/$f.json" > "$work/$f.cmp"; done
  else
    cp "$work/merged.csv" "$work/merged.cmp"
    cp "$work/single.csv" "$work/single.cmp"
  fi
  cmp "$work/merged.cmp" "$work/single.cmp" || fail "merged $format differs from the unsharded run: $(diff "$work/merged.cmp" "$work/single.cmp" | head -20)"
  for i in 0 1 2; do [ -f "$work/part-$i.json" ] || fail "shard $i wrote no partial result"; done
  echo "shards_test: $format: 3 Slurm array shards + dependent merge = one run, byte for byte"
done

# A sweep (VERB=sweep) with the same job files: 3 shards of 5 points, the merged CSV against one sweep.
rm -f "$work"/part-*.json "$work"/merged.csv
sweep_scenario="$src/tests/data/whatif/breakeven.yaml"
sweep_args="--vary messages=10000..200000:5 --set devices=1000"
array=$(FLOWCOST="$flowcost" VERB=sweep SCENARIO="$sweep_scenario" SHARDS=3 OUT="$work" FLOWCOST_ARGS="$sweep_args" \
        submit --array=0-2 "$src/docs/jobs/flowcost-shards.sbatch") || fail "sbatch of the sweep shards failed"
merge=$(FLOWCOST="$flowcost" OUT="$work" FORMAT=csv \
        submit --dependency="afterok:$array" "$src/docs/jobs/flowcost-merge.sbatch") || fail "sbatch of the sweep merge failed"
waited=0
while [ -n "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]; do
  [ "$waited" -ge "$timeout_s" ] && { scancel "$array" "$merge" 2>/dev/null || true; fail "sweep jobs $array and $merge not done after ${timeout_s}s"; }
  sleep 1
  waited=$((waited + 1))
done
[ -f "$work/merged.csv" ] || fail "the sweep merge job $merge wrote no $work/merged.csv"
# shellcheck disable=SC2086
"$flowcost" sweep "$sweep_scenario" $sweep_args --format csv -o "$work/single-sweep.csv" || fail "the unsharded sweep failed"
cmp "$work/merged.csv" "$work/single-sweep.csv" || fail "merged sweep differs from the unsharded sweep: $(diff "$work/merged.csv" "$work/single-sweep.csv" | head -20)"
echo "shards_test: sweep: 3 Slurm array shards + dependent merge = one sweep, byte for byte"
