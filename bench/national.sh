#!/usr/bin/env bash
# Response times on the synthetic national dataset (make it first: bench/national-dataset.sh):
# starts the application jar against the database socialmap_national on port 8090, times
# the hot requests through it and prints a Markdown table. Usage: bench/national.sh [runs]
# The answer caches are off, so that each request is computed; SOCIALMAP_CACHE=true times
# them with the caches on (repeated requests then come from memory).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
PORT=8090
start_national_app $PORT target/national-app.log --socialmap.cache.enabled="${SOCIALMAP_CACHE:-false}"
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.NationalBenchmark "http://localhost:$PORT" "jdbc:postgresql://localhost:$PGPORT/socialmap_national" "${1:-30}"
