"""coderun.py: what the coding evaluators share: run `eventline code` on
records given as JSON Lines text and group the events it writes by input id."""
import collections
import json
import subprocess


def code_events(binary, jsonl):
    """Events of `binary code` on jsonl, as {input id: [event, ...]};
    None (stderr printed) when the command failed outright."""
    p = subprocess.run([binary, "code"], input=jsonl, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print(p.stderr)
        return None
    evs = collections.defaultdict(list)
    for line in p.stdout.splitlines():
        e = json.loads(line)
        evs[e["input"]].append(e)
    return evs
