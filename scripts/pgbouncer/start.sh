#!/usr/bin/env bash
# Starts PgBouncer (transaction mode, pgbouncer.ini beside this script) on a free loopback port in front of
# UPSTREAM_HOST:UPSTREAM_PORT (default 127.0.0.1:5432). Usage: start.sh <run-dir>; prints the port.
# Stop it with: kill "$(cat <run-dir>/pgbouncer.pid)". Installs Debian's pgbouncer when it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$1"
mkdir -p "$dir"
if ! command -v pgbouncer >/dev/null; then
  echo "pgbouncer is missing: installing Debian's package" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq pgbouncer) >&2
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$port#g" \
    -e "s#@UPSTREAM_HOST@#${UPSTREAM_HOST:-127.0.0.1}#g" -e "s#@UPSTREAM_PORT@#${UPSTREAM_PORT:-5432}#g" \
    "$here/pgbouncer.ini" > "$dir/pgbouncer.ini"
cp "$here/userlist.txt" "$dir/userlist.txt"
# PgBouncer refuses to run as root: hand the run directory to the postgres user and run as that user.
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$dir"
  runuser -u postgres -- pgbouncer -d "$dir/pgbouncer.ini" >&2
else
  pgbouncer -d "$dir/pgbouncer.ini" >&2
fi
for _ in $(seq 1 50); do
  if [ -s "$dir/pgbouncer.pid" ] && (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "$port"
    exit 0
  fi
  sleep 0.1
done
echo "PgBouncer did not start; its log:" >&2
cat "$dir/pgbouncer.log" >&2 || true
exit 1
