#!/usr/bin/env bash
# Person import benchmark: 50,000 rows (25,000 new people, two events each) through the same
# path as the import screen, against the project's PostGIS (provisioned like ./test.sh);
# prints the median of three runs. Usage: bench/person-import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./test.sh -Dtest=PersonImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep "BENCH" || {
  echo "benchmark failed; see target/surefire-reports" >&2; exit 1; }
