#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the store tests and print the URL to use.
#
#   eval "$(scripts/start_postgres.sh)"     # sets OUTREACH_TEST_PG_URL
#
# Needs Debian's `postgresql` package (this script installs nothing). The server gets its
# own data folder and a loopback port, so it does not touch the system cluster. Running it
# again while the server is up only checks it and prints the same line. Progress goes to
# stderr; stdout is the one `export` line (it is also written to $OUTREACH_PG_DIR/env).
#
# Settings (environment): OUTREACH_PG_DIR (default /tmp/outreach-atlas-pg),
# OUTREACH_PG_PORT (54329), OUTREACH_PG_USER / OUTREACH_PG_PASSWORD (outreach / outreach),
# OUTREACH_PG_DB (outreach_test), PG_BIN (the folder with initdb and pg_ctl).
set -euo pipefail

base=${OUTREACH_PG_DIR:-/tmp/outreach-atlas-pg}
port=${OUTREACH_PG_PORT:-54329}
role=${OUTREACH_PG_USER:-outreach}
password=${OUTREACH_PG_PASSWORD:-outreach}
database=${OUTREACH_PG_DB:-outreach_test}
data="$base/data"
log="$base/server.log"

say() { echo "start_postgres: $*" >&2; }
fail() {
    say "$*"
    exit 1
}

if [[ -z "${PG_BIN:-}" ]]; then
    # Debian keeps each major version's programs in /usr/lib/postgresql/<version>/bin.
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$PG_BIN" ]] && command -v pg_ctl >/dev/null; then
        PG_BIN=$(dirname "$(command -v pg_ctl)")
    fi
fi
[[ -x "${PG_BIN:-}/pg_ctl" ]] ||
    fail "PostgreSQL is not installed (no pg_ctl found). Install it: apt-get install -y postgresql"

# PostgreSQL refuses to run as root: as root, run its programs as the `postgres` user.
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 ||
        fail "there is no 'postgres' user; install Debian's postgresql package first"
    as_server() { runuser -u postgres -- "$@"; }
    owner=postgres
else
    as_server() { "$@"; }
    owner=$(id -un)
fi

mkdir -p "$base"
chown "$owner" "$base"
chmod 700 "$base"

if [[ ! -s "$data/PG_VERSION" ]]; then
    say "creating a server in $data"
    pwfile="$base/initdb-password"
    as_server sh -c "umask 077; printf '%s\n' \"\$1\" > \"\$2\"" sh "$password" "$pwfile"
    as_server "$PG_BIN/initdb" --pgdata="$data" --username=postgres --encoding=UTF8 \
        --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 \
        --pwfile="$pwfile" >"$base/initdb.log" 2>&1 ||
        fail "initdb failed; see $base/initdb.log"
    rm -f "$pwfile"
fi

if as_server "$PG_BIN/pg_ctl" status --pgdata="$data" >/dev/null 2>&1; then
    # The fourth line of postmaster.pid is the port the running server listens on.
    running_port=$(sed -n 4p "$data/postmaster.pid" 2>/dev/null || true)
    if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
        fail "a server already runs in $data on port $running_port, not $port; stop it" \
            "(runuser -u postgres -- $PG_BIN/pg_ctl stop -D $data) or set OUTREACH_PG_PORT=$running_port"
    fi
    say "server already running in $data"
else
    say "starting the server on 127.0.0.1:$port"
    as_server "$PG_BIN/pg_ctl" start --pgdata="$data" --log="$log" --wait --timeout=60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$base \
            -c max_connections=200 -c fsync=off -c synchronous_commit=off" >&2 ||
        fail "the server did not start; see $log"
fi

for _ in $(seq 1 60); do
    if "$PG_BIN/pg_isready" --quiet --host=127.0.0.1 --port="$port"; then
        break
    fi
    sleep 0.5
done
"$PG_BIN/pg_isready" --quiet --host=127.0.0.1 --port="$port" ||
    fail "the server does not accept connections on 127.0.0.1:$port; see $log"

psql_admin() {
    as_server "$PG_BIN/psql" --host="$base" --port="$port" --username=postgres \
        --dbname=postgres --no-psqlrc --quiet --tuples-only --no-align \
        --set=ON_ERROR_STOP=1 "$@"
}

# The role may create databases: the tests make a fresh database for every test.
if [[ -z $(psql_admin --command="SELECT 1 FROM pg_roles WHERE rolname = '$role'") ]]; then
    say "creating role $role"
    psql_admin --command="CREATE ROLE \"$role\" LOGIN CREATEDB PASSWORD '$password'"
else
    psql_admin --command="ALTER ROLE \"$role\" LOGIN CREATEDB PASSWORD '$password'"
fi
if [[ -z $(psql_admin --command="SELECT 1 FROM pg_database WHERE datname = '$database'") ]]; then
    say "creating database $database"
    psql_admin --command="CREATE DATABASE \"$database\" OWNER \"$role\""
fi

line="export OUTREACH_TEST_PG_URL=postgresql+psycopg://$role:$password@127.0.0.1:$port/$database"
as_server sh -c "printf '%s\n' \"\$1\" > \"\$2\"" sh "$line" "$base/env"
say "ready: $line"
echo "$line"
