#!/usr/bin/env bash
# Benchmarks of the steady solve. Builds gasflow (Release), generates the
# benchmark networks in GasLib format under build/bench/ and prints one
# markdown table: nodes, arcs, unknowns of the factorized system, Newton
# iterations, median and fastest solve time in ms over RUNS solves (load
# excluded), the linear-algebra lower bound (fastest factorization and
# solve of one iteration times the iterations) with the median's ratio to
# it, and the peak resident memory of the process (load included).
#
#   bash bench/run.sh [RUNS]        (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
bin=build/release/bench
out=build/bench
mkdir -p "$out"
[ -f "$out/grid.net" ] || "$bin/gen_network" grid 100 100 "$out/grid" 2000 1 >/dev/null
[ -f "$out/chain.net" ] || "$bin/gen_network" chain 100000 "$out/chain" >/dev/null

echo "gasflow $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| case | nodes | arcs | unknowns | iterations | median ms | min ms | LA bound ms | ratio | peak MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
gaslib=../shared/data/gaslib
if [ -d "$gaslib" ]; then
  "$bin/bench_steady" GasLib-582 "$gaslib/GasLib-582/v1-2013/GasLib-582.net" \
    "$gaslib/GasLib-582/v1-2013/nomination_cold_8.scn" "$runs"
  "$bin/bench_steady" GasLib-135 "$gaslib/GasLib-135/GasLib-135-v1-20211130.net" \
    "$gaslib/GasLib-135/GasLib-135-v1-20211130.scn" "$runs"
fi
"$bin/bench_steady" "grid 100x100" "$out/grid.net" "$out/grid.scn" "$runs"
"$bin/bench_steady" "chain 100000" "$out/chain.net" "$out/chain.scn" "$runs"
