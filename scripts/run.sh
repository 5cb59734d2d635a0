#!/usr/bin/env bash
# The main job on a fresh machine: builds vnd and serves the embedded demo (issue 5 §6) on 127.0.0.1:5433 —
# two tenants of the built-in demo cloud, their traffic generated into trace tables on first start (VND_DATA,
# default ./data), TLS with a self-signed certificate. Connect with: psql -h 127.0.0.1 -p 5433 -U tenant1 vnd
# (password tenant1). Ctrl+C stops it; a restart keeps tenants, diagnoses and tables.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${VND_DATA:-data}
dotnet build Vnd.Engine -c Release --nologo -v quiet
exec dotnet Vnd.Engine/bin/Release/net10.0/vnd.dll serve --data "$data" "$@"
