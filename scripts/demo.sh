#!/bin/sh
# demo.sh: the README's first command. Installs what is missing, builds, and
# runs eventline on the bundled sample (data/sample), writing the result to
# eventline-out/ and saying where it is.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
make -s all
mkdir -p eventline-out
./build/eventline articles --meta data/sample/manifest.jsonl data/sample >eventline-out/articles.jsonl
n=$(wc -l <eventline-out/articles.jsonl | tr -d ' ')
echo "eventline: $n articles read, cleaned and segmented: eventline-out/articles.jsonl" >&2
