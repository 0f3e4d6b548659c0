#!/usr/bin/env bash
# Runs each fuzz target in turn (one at a time: fuzzing takes a whole core)
# and appends its final statistics to tests/fuzz/results.log.
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(RUSTC_BOOTSTRAP=1 cargo fuzz list --fuzz-dir tests/fuzz))
fi
for target in "${targets[@]}"; do
  mkdir -p "tests/fuzz/corpus/$target"
  log="tests/fuzz/logs/$target.log"
  mkdir -p tests/fuzz/logs
  start=$(date +%s)
  status=0
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O --fuzz-dir tests/fuzz "$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    > "$log" 2>&1 || status=$?
  end=$(date +%s)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  peak=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  files=$(find "tests/fuzz/corpus/$target" -type f | wc -l)
  bytes=$(du -sk "tests/fuzz/corpus/$target" | cut -f1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo "?")
  echo "$target seconds=$((end - start)) status=$status execs=$execs corpus_files=$files corpus_kb=$bytes cov=$cov peak_rss_mb=$peak" \
    | tee -a tests/fuzz/results.log
done
