#!/usr/bin/env bash
# Provisions everything and serves the app at http://localhost:8080 (demo mode).
#   ./run.sh          build (production frontend bundle) and run
#   ./run.sh stop     stop the project-local PostgreSQL
# Without SPRING_DATASOURCE_URL a project-local PostGIS cluster is created and started;
# with it, that database is used and nothing is provisioned.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

if [ "${1:-}" = "stop" ]; then
  stop_database
  exit 0
fi

find_jdk
export SOCIALMAP_DEMO="${SOCIALMAP_DEMO:-true}"
if [ -z "${SPRING_DATASOURCE_URL:-}" ]; then
  start_database socialmap
  export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PGPORT/socialmap"
  export SPRING_DATASOURCE_USERNAME="${SPRING_DATASOURCE_USERNAME:-postgres}"
else
  log "Using the database at $SPRING_DATASOURCE_URL"
fi
ensure_node

log "Building (production mode)"
./mvnw -B -q -DskipTests package
built=$(ls target/socialmap-*.jar | grep -v original | head -1)
# The app runs from its own copy: a later build (./test.sh in the same checkout) replaces target/'s jar,
# and a jar replaced under a running JVM serves its frontend files as empty, hanging responses.
mkdir -p .run
jar=".run/socialmap-$(date +%Y%m%d%H%M%S)-$$.jar"
cp "$built" "$jar"
find .run -name 'socialmap-*.jar' ! -newer "$jar" ! -name "$(basename "$jar")" -mmin +1 -delete 2>/dev/null || true
log "Starting the app: open http://localhost:${PORT:-8080}"
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar "$jar" "$@"
