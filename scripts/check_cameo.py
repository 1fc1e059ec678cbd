#!/usr/bin/env python3
"""check_cameo.py: check eventline's CAMEO code table against data/verbs/CAMEO_PLOVER.md.

In:  one or more TSV files (default data/verbs/cameo.tsv), each with the header
     code, name, plover, plover_mode, quad_class, goldstein
     and one row per CAMEO event code.
Out: one `FILE:LINE: reason` line on stdout per fault, a summary on stderr;
     exit 0 if no fault, 1 otherwise, 2 on a usage error.
Checks: UTF-8, line endings, column count, code format (2-digit root 01-20,
3-digit code, 4-digit code), duplicate codes, a parent row for every 3- and
4-digit code, every root 01-20 present, name present, plover category in the
allowed set (or `-`), mode syntax, quad_class matching the root, goldstein a
one-decimal number in -10.0..10.0.
Python 3 standard library only.
"""
import os
import re
import sys

HEADER = ["code", "name", "plover", "plover_mode", "quad_class", "goldstein"]
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
          "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
          "MOBILIZE", "COERCE", "ASSAULT"}
CODE_RE = re.compile(r"^[0-9]{2,4}$")
MODE_RE = re.compile(r"^[a-z][a-z_-]*$")
GOLD_RE = re.compile(r"^-?[0-9]{1,2}\.[0-9]$")

faults = 0


def fault(path, line, reason):
    global faults
    faults += 1
    print("%s:%d: %s" % (path, line, reason))


def quad_for_root(root):
    """QuadClass by CAMEO root: 01-05 verbal cooperation, 06-09 material
    cooperation, 10-14 verbal conflict, 15-20 material conflict."""
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


def check_file(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        fault(path, 0, "cannot read: %s" % e.strerror)
        return 0
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        fault(path, line, "invalid UTF-8 at byte %d" % e.start)
        return 0
    if not text:
        fault(path, 1, "empty file")
        return 0
    if not text.endswith("\n"):
        fault(path, text.count("\n") + 1, "last line has no newline")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    seen = {}      # code -> line
    rows = []      # (line, code)
    for i, line in enumerate(lines, 1):
        if "\r" in line:
            fault(path, i, "carriage return (use LF line endings)")
            line = line.replace("\r", "")
        if "\0" in line:
            fault(path, i, "NUL byte")
            continue
        cols = line.split("\t")
        if i == 1:
            if cols != HEADER:
                fault(path, i, "header must be %s" % "\\t".join(HEADER))
            continue
        if not line.strip():
            fault(path, i, "empty line")
            continue
        if len(cols) != len(HEADER):
            fault(path, i, "expected %d tab-separated columns, found %d"
                  % (len(HEADER), len(cols)))
            continue
        for name, value in zip(HEADER, cols):
            if value != value.strip():
                fault(path, i, "%s has leading or trailing spaces" % name)
        code, name, plover, mode, quad, gold = (c.strip() for c in cols)

        ok_code = True
        if not CODE_RE.match(code):
            fault(path, i, "code %r is not 2, 3 or 4 digits" % code)
            ok_code = False
        else:
            root = int(code[:2])
            if not 1 <= root <= 20:
                fault(path, i, "code %s: root %s is outside 01-20" % (code, code[:2]))
                ok_code = False
        if ok_code:
            if code in seen:
                fault(path, i, "duplicate code %s (first on line %d)" % (code, seen[code]))
            else:
                seen[code] = i
                rows.append((i, code))

        if not name:
            fault(path, i, "empty name")
        if plover != "-" and plover not in PLOVER:
            fault(path, i, "plover %r is not a PLOVER category or -" % plover)
        if mode != "-" and not MODE_RE.match(mode):
            fault(path, i, "plover_mode %r is not - or a lower-case word" % mode)
        if plover == "-" and mode != "-":
            fault(path, i, "plover_mode %r given for a code with no PLOVER category" % mode)

        if quad not in ("1", "2", "3", "4"):
            fault(path, i, "quad_class %r is not 1-4" % quad)
        elif ok_code:
            want = quad_for_root(int(code[:2]))
            if int(quad) != want:
                fault(path, i, "quad_class %s does not match root %s (expected %d)"
                      % (quad, code[:2], want))

        if not GOLD_RE.match(gold):
            fault(path, i, "goldstein %r is not a number with one decimal" % gold)
        elif not -10.0 <= float(gold) <= 10.0:
            fault(path, i, "goldstein %s is outside -10.0..10.0" % gold)

    for i, code in rows:
        if len(code) > 2:
            parent = code[:-1]
            if parent not in seen:
                fault(path, i, "code %s has no parent row %s" % (code, parent))
            elif seen[parent] > i:
                fault(path, i, "code %s comes before its parent %s (line %d)"
                      % (code, parent, seen[parent]))
    last = max((ln for ln, _ in rows), default=len(lines))
    for r in range(1, 21):
        if "%02d" % r not in seen:
            fault(path, last, "root %02d is missing" % r)
    return len(rows)


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__.strip())
        return 0
    for a in argv:
        if a.startswith("-"):
            print("check_cameo: unknown option %s (try --help)" % a, file=sys.stderr)
            return 2
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "..", "data", "verbs", "cameo.tsv")
    targets = argv or [default]
    for t in targets:
        if not os.path.isfile(t):
            print("check_cameo: no such file: %s" % t, file=sys.stderr)
            return 2
    total = 0
    for t in targets:
        total += check_file(os.path.relpath(t))
    print("check_cameo: %d files, %d codes, %d faults" % (len(targets), total, faults),
          file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
