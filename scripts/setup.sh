#!/bin/sh
# setup.sh: install the Debian packages eventline needs, idempotently.
# Skips what is present; uses sudo when not root; needs network only when
# something is missing. KEEP IN SYNC with the package list in README.md.
set -eu
PKGS="build-essential pkg-config libjansson-dev libutf8proc-dev libcmocka-dev \
wordnet-base wordnet-dev libvectorscan-dev libxxhash-dev libsqlite3-dev \
libpcre2-dev iso-codes python3"
missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing$missing" >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
