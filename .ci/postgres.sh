# Sourced by .ci/run: a throw-away PostgreSQL server on loopback for the store tests (issue 15).
# Debian's postgresql (installed if missing), run as the postgres user from a temporary data directory, on a
# free port, trust authentication on 127.0.0.1 only; stopped and deleted when the sourcing shell exits.
# Exports JIXIAO_TEST_POSTGRES_URL, which the store tests read (they skip, saying why, only without it).
start_test_postgres() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    PG_TEST_DIR="$(mktemp -d /tmp/jixiao-pg.XXXXXX)"
    chown postgres "$PG_TEST_DIR"
    local port
    port="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_TEST_DIR/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
    su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_TEST_DIR/data' -l '$PG_TEST_DIR/log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$PG_TEST_DIR' -c fsync=off -c max_connections=200\" start" >/dev/null
    PG_TEST_BIN="$bin"
    export JIXIAO_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
    trap stop_test_postgres EXIT
}

stop_test_postgres() {
    if [ -n "${PG_TEST_DIR:-}" ]; then
        su postgres -s /bin/sh -c "'$PG_TEST_BIN/pg_ctl' -D '$PG_TEST_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
        rm -rf "$PG_TEST_DIR"
    fi
}
