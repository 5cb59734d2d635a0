#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks use when they are missing:
# libpcap (SharpPcap's native library), tshark (ground truth, the ingest benchmark's anchor),
# iproute2 and Open vSwitch (mirror rules are checked against real tc and ovs-ofctl), PostgreSQL 15 (the
# differential SQL tests and the wire benchmark's anchor), and the real clients the wire tests drive: psql,
# pgJDBC, psycopg2 (Debian's, for /usr/bin/python3) and node-postgres (npm, pinned in tests/clients/node).
set -euo pipefail
need=()
ldconfig -p | grep -q 'libpcap.so' || need+=(libpcap0.8 libpcap0.8-dev)
command -v tshark >/dev/null || need+=(tshark)
command -v ovs-vsctl >/dev/null || need+=(openvswitch-switch)
command -v tc >/dev/null || need+=(iproute2)
command -v psql >/dev/null || need+=(postgresql-client)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need+=(postgresql-15)   # server, initdb, pgbench
[ -f /usr/share/java/postgresql.jar ] || need+=(libpostgresql-jdbc-java)
command -v java >/dev/null || need+=(default-jre-headless)
/usr/bin/python3 -c 'import psycopg2' 2>/dev/null || need+=(python3-psycopg2)
command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing ${need[*]}; run as root or install them" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# node-postgres for the wire tests: the lock file pins it; node_modules is not committed.
clients="$(dirname "$0")/../tests/clients/node"
[ -d "$clients/node_modules/pg" ] || (cd "$clients" && npm ci --no-audit --no-fund --silent)
