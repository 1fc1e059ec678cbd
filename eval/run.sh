#!/bin/sh
# eval/run.sh BUILD: every development score, one after another (`make eval`).
# Each evaluator reads ../shared and says so when it is absent. Held-out splits
# are not here: they are scored elsewhere.
build=${1:-build}
export EL_EXE="$build/eventline"
echo "== event coding: PLOVER gold records (dev)"
python3 eval/eval_plover.py --bin "$build/eventline"
echo "== times: seeds gold, against dateparser"
python3 eval/eval_times.py
echo "== actors: seeds gold"
python3 eval/eval_actors.py
echo "== episodes and event linking: ECB+ (dev)"
python3 eval/eval_ecb.py
echo "== seeds: events, run"
python3 tests/accept/events_seeds.py "$build/eventline" | tail -1
python3 tests/accept/run_seeds.py "$build/eventline" | tail -1
python3 tests/accept/counts.py "$build/eventline" | tail -1
