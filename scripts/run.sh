#!/usr/bin/env bash
# The main job on a fresh machine. Until the SQL server lands (issues 3-5) it generates demo traffic,
# imports it into trace tables with the example parse configuration and lists the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${VND_DATA:-data}
mkdir -p "$data"
dotnet build Vnd.Engine -c Release --nologo -v quiet
vnd() { dotnet Vnd.Engine/bin/Release/net10.0/vnd.dll "$@"; }
[ -f "$data/demo.pcap" ] || vnd generate --out "$data/demo.pcap" --packets 1000000
[ -d "$data/tables/demo" ] || vnd import --data "$data" --tenant demo --parse docs/examples/tcp-trace.cfg "$data/demo.pcap"
vnd tables --data "$data"
