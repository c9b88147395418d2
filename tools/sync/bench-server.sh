#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL 15 + PostGIS 3 server on 127.0.0.1 for `khareetaty bench sync`,
# with TLS (a CA made here) and default durability settings. Usage:
#   tools/sync/bench-server.sh start DIR PORT   -> prints the URL, user, password and CA file
#   tools/sync/bench-server.sh stop DIR
set -euo pipefail
action=$1; dir=$(realpath -m "$2"); port=${3:-55432}
bin=${KHAREETATY_PG_BIN:-/usr/lib/postgresql/15/bin}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    mkdir -p "$dir/tls"
    cd "$dir"
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > tls/ext.cnf
    openssl req -x509 -newkey rsa:2048 -nodes -keyout tls/ca.key -out tls/ca.crt -days 30 -subj "/CN=Bench CA" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout tls/server.key -out tls/server.csr -subj "/CN=localhost" 2>/dev/null
    openssl x509 -req -in tls/server.csr -CA tls/ca.crt -CAkey tls/ca.key -CAcreateserial -out tls/server.crt \
      -days 30 -extfile tls/ext.cnf 2>/dev/null
    echo bench-admin > pwfile
    [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
    as_pg chmod 600 tls/server.key
    as_pg "$bin/initdb" -D data -U bench_admin --pwfile=pwfile --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C >/dev/null
    as_pg "$bin/pg_ctl" -D data -l server.log -w start -o "-c port=$port -c listen_addresses=127.0.0.1 \
      -c unix_socket_directories=$dir -c ssl=on -c ssl_cert_file=$dir/tls/server.crt \
      -c ssl_key_file=$dir/tls/server.key -c shared_buffers=512MB -c max_wal_size=4GB" >/dev/null
    psql_admin() { as_pg "$bin/psql" -h "$dir" -p "$port" -U bench_admin -v ON_ERROR_STOP=1 -q "$@"; }
    psql_admin -d postgres -c "CREATE ROLE bench LOGIN PASSWORD 'bench'"
    psql_admin -d postgres -c "CREATE DATABASE bench OWNER bench"
    psql_admin -d bench -c "CREATE EXTENSION postgis"
    echo "url=jdbc:postgresql://localhost:$port/bench user=bench password=bench ca=$dir/tls/ca.crt"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
