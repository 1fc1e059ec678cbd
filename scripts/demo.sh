#!/bin/sh
# demo.sh: the README's first command. Installs what is missing, builds, and
# runs `eventline run` on the bundled sample (data/sample), writing every
# output into eventline-out/ and saying where the report is.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
make -s all
./build/eventline run --out eventline-out --meta data/sample/manifest.jsonl data/sample
n=$(wc -l <eventline-out/events.jsonl | tr -d ' ')
a=$(wc -l <eventline-out/articles.jsonl | tr -d ' ')
echo "eventline: $a articles, $n events; open eventline-out/report.html (database: eventline-out/eventline.db)" >&2
