#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: initdb and pg_ctl in a folder, listening on a
# loopback port (and a socket in the folder), role `investigate` with a password kept in the
# folder's pgpass file (mode 0600), database `cases`, TLS on with a self-signed certificate
# when openssl is there. As root (CI), the server runs as the `postgres` account (initdb
# refuses root), created when missing.
# Usage: Tests/pg_server.sh start DIR [PORT]   prints the URL (password in DIR/pgpass)
#        Tests/pg_server.sh stop|restart|crash DIR   (crash: immediate stop, as a power cut)
#        Tests/pg_server.sh up DIR               (start an existing cluster again)
# Exit 3 when no PostgreSQL server binaries are installed (apt-get install postgresql).
set -euo pipefail
command=${1:?usage: pg_server.sh start|stop|restart|crash|up DIR [PORT]}
dir=${2:?usage: pg_server.sh start|stop|restart|crash|up DIR [PORT]}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    echo "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 3
fi
OWNER=$(id -un)
if [ "$(id -u)" = 0 ]; then
    OWNER=postgres
    id -u "$OWNER" >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$OWNER"
fi
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u "$OWNER" -- "$@"; else "$@"; fi; }
ctl() { as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" "$@" >/dev/null; }

case "$command" in
start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    (umask 077; printf "%s\n" "$password" >"$dir/password")
    [ "$(id -u)" = 0 ] && chown -R "$OWNER" "$dir"
    chmod 0700 "$dir"
    as_owner test -w "$dir" || { echo "$OWNER cannot reach $dir (every folder above it must be searchable: chmod o+x)" >&2; exit 1; }
    as_owner "$BIN/initdb" -D "$dir/data" -U investigate --pwfile="$dir/password" -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    {
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $port"
        echo "unix_socket_directories = '$dir'"
        echo "max_connections = 200"
        echo "fsync = on"
    } >>"$dir/data/postgresql.conf"
    if command -v openssl >/dev/null 2>&1; then
        as_owner openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
            -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1 \
            && chmod 0600 "$dir/data/server.key" && echo "ssl = on" >>"$dir/data/postgresql.conf"
    fi
    ctl -w -t 60 start || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$BIN/createdb" -h "$dir" -p "$port" -U investigate cases
    printf '127.0.0.1:%s:*:investigate:%s\n' "$port" "$password" >"$dir/pgpass"
    [ "$(id -u)" = 0 ] && chown "$(id -un)" "$dir/pgpass"
    chmod 0600 "$dir/pgpass"
    echo "$port" >"$dir/port"
    echo "postgresql://investigate@127.0.0.1:$port/cases"
    ;;
up) ctl -w -t 60 start ;;
stop) ctl -w -t 60 -m fast stop ;;
crash) ctl -m immediate stop ;;
restart) ctl -w -t 60 -m fast restart ;;
*) echo "unknown command $command" >&2; exit 2 ;;
esac
