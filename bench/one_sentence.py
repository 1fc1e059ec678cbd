#!/usr/bin/env python3
"""one_sentence.py: `eventline articles` output on stdin -> one JSON Lines
record per sentence on stdout ({"id", "text", "date"}), the input `eventline
code` is benchmarked on (TABARI's rate is quoted for one sentence a record)."""
import json
import sys

for line in sys.stdin:
    d = json.loads(line)
    b = d["body"].encode()
    for i, (s, e) in enumerate(d["sentences"]):
        print(json.dumps({"id": "%s-%d" % (d["id"], i), "text": b[s:e].decode(), "date": d.get("date")}))
