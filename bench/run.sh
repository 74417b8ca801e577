#!/usr/bin/env bash
# Benchmarks of gasflow against the performance targets. Builds gasflow
# (Release), generates the benchmark networks in GasLib format under
# build/bench/ and prints markdown tables:
#  1. solves (load excluded): nodes, arcs, unknowns of the factorized system,
#     Newton iterations, the first solve's time (with the symbolic analysis,
#     which the later ones reuse), median and fastest solve time in ms over
#     RUNS solves, the linear-algebra lower bound (fastest factorization and solve
#     of one iteration times the iterations) with the median's ratio to it,
#     the peak resident memory of the process (load included), the target
#     (ms, or for the GasLib networks the ratio 3) and whether the median
#     meets it;
#  2. whole `gasflow` processes: median and fastest wall time over RUNS runs;
#  3. a batch of nominations: throughput;
#  4. the multifrontal LU and LDL' on grid Laplacians (bench_factor): the
#     analysis, the factorizations with the LU's operations and rate, on one
#     thread and split over two.
# The tables also go to build/bench/results.md. With BENCH_MESH=1 it also
# solves the generated meshed network of 1,000,000 nodes once and factors
# a 1000 x 1000 grid's system (about a minute, and 2.4 GB of memory).
#
#   bash bench/run.sh [RUNS]        (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
bin=build/release/bench
gf=build/release/gasflow
out=build/bench
mkdir -p "$out"
exec > >(tee "$out/results.md")
[ -f "$out/grid.net" ] || "$bin/gen_network" grid 100 100 "$out/grid" 2000 1 >/dev/null
[ -f "$out/chain.net" ] || "$bin/gen_network" chain 100000 "$out/chain" >/dev/null

echo "gasflow $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "| case | nodes | arcs | unknowns | iterations | first ms | median ms | min ms | LA bound ms | ratio | peak MB | target (ms or ratio) | met |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
gaslib=../shared/data/gaslib
if [ -d "$gaslib" ]; then
  "$bin/bench_steady" GasLib-582 "$gaslib/GasLib-582/v1-2013/GasLib-582.net" \
    "$gaslib/GasLib-582/v1-2013/nomination_cold_8.scn" "$runs" 0 0 3
  "$bin/bench_steady" GasLib-135 "$gaslib/GasLib-135/GasLib-135-v1-20211130.net" \
    "$gaslib/GasLib-135/GasLib-135-v1-20211130.scn" "$runs" 0 0 3
fi
"$bin/bench_steady" "grid 100x100" "$out/grid.net" "$out/grid.scn" "$runs" 10
"$bin/bench_steady" "grid 100x100, one thread" "$out/grid.net" "$out/grid.scn" "$runs" 0 1
"$bin/bench_steady" "chain 100000" "$out/chain.net" "$out/chain.scn" "$runs" 8
if [ "${BENCH_MESH:-0}" = 1 ]; then
  [ -f "$out/mesh.net" ] || "$bin/gen_network" mesh 1000000 "$out/mesh" >/dev/null
  "$bin/bench_steady" "mesh 1000000 (target also 1024 MB)" "$out/mesh.net" "$out/mesh.scn" 1 2000
fi

echo
echo "| factorization of an R x R grid's node system | unknowns | factor entries | LU flops | analysis ms (median) | LU ms (median / min, GFlop/s) | LU solve | LDLt | LDLt solve | LDLt / LU | LU, 2 threads | LDLt, 2 threads | LDLt solve, 2 threads |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
"$bin/bench_factor" 100 61
"$bin/bench_factor" 300 9
if [ "${BENCH_MESH:-0}" = 1 ]; then
  "$bin/bench_factor" 1000 3 # the mesh's size: one factorization per Newton step
fi

if [ -d "$gaslib" ]; then
  echo
  echo "| whole process | median ms | min ms | target ms | met |"
  echo "|---|---:|---:|---:|---|"
  d582="$gaslib/GasLib-582/v1-2013"
  "$bin/bench_process" "GasLib-582 steady" 20 "$runs" "$gf" steady "$d582/GasLib-582.net" \
    --scenario "$d582/nomination_cold_8.scn" --quiet
  d4197="$gaslib/GasLib-4197"
  "$bin/bench_process" "GasLib-4197 steady --decisions" 60 "$runs" "$gf" steady \
    "$d4197/GasLib-4197-derived.net" --scenario "$d4197/GasLib-4197-derived-nomination_warm_2851.scn" \
    --decisions "$d4197/GasLib-4197-derived.cdf" --quiet
  "$bin/bench_process" "GasLib-4197 steady" 60 "$runs" "$gf" steady \
    "$d4197/GasLib-4197-derived.net" --scenario "$d4197/GasLib-4197-derived-nomination_warm_2851.scn" --quiet
  echo
  echo "GasLib-134, its 20 nominations as one batch (--scenario-dir, 2 threads):"
  "$gf" steady "$gaslib/GasLib-134/GasLib-134-v2.net" --scenario-dir "$gaslib/GasLib-134/Nominations-134-v2" \
    | tail -1
fi
