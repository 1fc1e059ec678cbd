#!/bin/sh
# test.sh: the README's test command. Installs what is missing (Debian
# packages, idempotently), builds with -Werror, runs every test layer.
# The last line is "tests: N passed, N failed, N skipped".
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
make -s all
make -s test
