#!/usr/bin/env bash
# Runs the end-to-end benchmark at 10 k, 100 k and 1 M rows (one process per size) and prints a
# markdown table for docs/benchmarks.md. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release bench/Avatars.Bench >/dev/null
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GB RAM; .NET $(dotnet --version); $(date -u +%F)"
echo
echo "| rows × columns | total s | peak MB | read | prepare | fit | transform | k-NN | synthesis | finalize | write |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for rows in ${ROWS:-10000 100000 1000000}; do
  dotnet bench/Avatars.Bench/bin/Release/net10.0/Avatars.Bench.dll --rows "$rows"
done
