#!/usr/bin/env bash
# Status counts on the structure of their date and carried onto another one, for Hà Nội and the
# country, on the synthetic national dataset (make it first: bench/national-dataset.sh), with the
# answer caches off. Usage: bench/structures.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
PORT=8090
start_national_app $PORT target/structures-app.log --socialmap.cache.enabled=false
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.StructuresBenchmark "http://localhost:$PORT" "${1:-30}"
