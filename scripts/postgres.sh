#!/usr/bin/env bash
# Makes sure the PostgreSQL 15 server binaries the differential SQL test starts (initdb, pg_ctl, postgres) exist.
# The test (tests/Vnd.Executor.Tests/Slt/DifferentialTests.cs) runs them from VND_PG_BIN, default
# /usr/lib/postgresql/15/bin; under root it runs them as the 'postgres' user through runuser, which the Debian
# package creates. Prints the binary directory. Idempotent; installs the apt package postgresql-15 only if missing.
set -euo pipefail

bin="${VND_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [[ ! -x "$bin/initdb" || ! -x "$bin/pg_ctl" || ! -x "$bin/postgres" ]]; then
    if ! command -v apt-get >/dev/null; then
        echo "postgres.sh: $bin has no PostgreSQL 15 server and apt-get is unavailable" >&2
        exit 1
    fi
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    # The package's own cluster is not needed: the test makes a throwaway one in a temp directory.
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
fi
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    echo "postgres.sh: running as root needs a 'postgres' user to start the server as" >&2
    exit 1
fi
"$bin/postgres" --version >&2
echo "$bin"
