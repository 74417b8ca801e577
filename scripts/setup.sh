#!/usr/bin/env bash
# Installs the dependencies, builds gasflow and runs the main job: the
# Power of Siberia example at 38 bcm/a.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
ex=examples/power-of-siberia
build/release/gasflow steady "$ex/power-of-siberia.net" --scenario "$ex/power-of-siberia.scn" \
  --controls "$ex/controls.txt" --json build/power-of-siberia.json
echo "full result: build/power-of-siberia.json"
