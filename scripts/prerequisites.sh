#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks use when they are missing:
# libpcap (SharpPcap's native library), tshark (ground truth, the ingest benchmark's anchor),
# iproute2 and Open vSwitch (mirror rules are checked against real tc and ovs-ofctl).
set -euo pipefail
need=()
ldconfig -p | grep -q 'libpcap.so' || need+=(libpcap0.8 libpcap0.8-dev)
command -v tshark >/dev/null || need+=(tshark)
command -v ovs-vsctl >/dev/null || need+=(openvswitch-switch)
command -v tc >/dev/null || need+=(iproute2)
command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing ${need[*]}; run as root or install them" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
