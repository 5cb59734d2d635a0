#!/usr/bin/env bash
# The one test command (README, .ci/run). Installs what the tests need and the machine lacks,
# then runs every test. With CI=true no test may skip for want of a tool.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prerequisites.sh

export VND_SHARED="${VND_SHARED:-$(cd .. && pwd)/shared}"
log=$(mktemp)
set +e
dotnet test Vnd.sln -c Release --nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One plain closing line over all test assemblies ("N passed, N failed").
awk '/(Passed|Failed)! +- +Failed: /{gsub(",","");for(i=1;i<=NF;i++){if($i=="Failed:")f+=$(i+1);if($i=="Passed:")p+=$(i+1);if($i=="Skipped:")s+=$(i+1)}} END{printf "%d passed, %d failed, %d skipped\n",p,f,s}' "$log"
rm -f "$log"
exit "$rc"
