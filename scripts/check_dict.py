#!/usr/bin/env python3
"""check_dict.py: check eventline's dictionaries against data/dict/FORMAT.md.

In:  files or folders (default data/dict): block files (*.txt, *.in) and
     gazetteer TSV (*.tsv). Other files (FORMAT.md, ATTRIBUTION.md) are skipped.
Out: one `FILE:LINE: reason` line on stdout per fault, a summary on stderr;
     exit 0 if no fault, 1 otherwise, 2 on a usage error.
Python 3 standard library only.
"""
import json
import os
import re
import sys

TYPES = {"person", "organization", "country", "place", "media", "group", "agent"}
KEYS = {"country", "lat", "lon", "capital", "feature", "from", "to", "died", "role", "url"}
FEATURES = {"capital", "city", "town", "district", "camp", "region", "crossing",
            "landmark", "water"}
INTL = {"IGO", "NGO", "IMG", "MNC"}
ROLES = {"GOV", "MIL", "SPY", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "CVL", "REF",
         "HLH", "EDU", "MED", "BUS", "LAB", "REL", "ELI", "IGO", "NGO", "HRI", "AGR",
         "ENV", "CRM", "UAF"}
CODE_RE = re.compile(r"^[A-Z0-9]{3,15}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
NUM_RE = re.compile(r"^-?\d{1,3}(?:\.\d{1,6})?$")
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

faults = 0


def fault(path, line, reason):
    global faults
    faults += 1
    print("%s:%d: %s" % (path, line, reason))


def load_iso():
    try:
        with open(ISO_JSON, encoding="utf-8") as f:
            codes = {c["alpha_3"] for c in json.load(f)["3166-1"]}
    except (OSError, ValueError, KeyError):
        return None
    codes.add("XKX")
    return codes


ISO3 = load_iso()


def check_date(s):
    """Return a (lo, hi) pair of comparable tuples, or None if malformed."""
    m = DATE_RE.match(s)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    y = int(y)
    if mo is None:
        return (y, 1, 1), (y, 12, 31)
    mo = int(mo)
    if not 1 <= mo <= 12:
        return None
    if d is None:
        return (y, mo, 1), (y, mo, 31)
    d = int(d)
    mdays = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28,
             31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
    if not 1 <= d <= mdays:
        return None
    return (y, mo, d), (y, mo, d)


def check_country(code):
    return ISO3 is None or code in ISO3


def check_code(code, typ):
    """Return None if the code is well-formed, else a reason."""
    if not CODE_RE.match(code):
        return "bad code %r: 3-15 upper-case letters or digits" % code
    if len(code) % 3:
        return "bad code %r: not a run of 3-character segments" % code
    segs = [code[i:i + 3] for i in range(0, len(code), 3)]
    if typ == "agent":
        if len(segs) != 1 or segs[0] not in ROLES:
            return "agent code %r is not one role segment" % code
        return None
    if typ == "place" and code == "INT":
        return None
    if segs[0] not in INTL and not check_country(segs[0]):
        return "code %r: %r is neither an ISO 3166-1 alpha-3 code nor IGO/NGO/IMG/MNC" % (
            code, segs[0])
    if typ == "country" and len(segs) != 1:
        return "country code %r must be the alpha-3 code alone" % code
    return None


def check_fields(path, ln, fields, typ, allowed):
    """Check key=value fields; return the dict (None on a fatal fault)."""
    kv = {}
    for f in fields:
        if "=" not in f:
            fault(path, ln, "field %r is not key=value" % f)
            continue
        k, v = f.split("=", 1)
        if k not in allowed:
            fault(path, ln, "unknown key %r" % k)
            continue
        if k in kv:
            fault(path, ln, "key %r given twice" % k)
            continue
        if v == "" or v != v.strip():
            fault(path, ln, "empty or blank-padded value for %r" % k)
            continue
        kv[k] = v
    for k in ("from", "to", "died"):
        if k in kv and check_date(kv[k]) is None:
            fault(path, ln, "bad date %s=%r (YYYY, YYYY-MM or YYYY-MM-DD)" % (k, kv[k]))
            del kv[k]
    if "from" in kv and "to" in kv and check_date(kv["from"])[0] > check_date(kv["to"])[1]:
        fault(path, ln, "from=%s is after to=%s" % (kv["from"], kv["to"]))
    if "country" in kv and not check_country(kv["country"]):
        fault(path, ln, "country=%r is not an ISO 3166-1 alpha-3 code" % kv["country"])
    for k, lim in (("lat", 90), ("lon", 180)):
        if k in kv:
            if not NUM_RE.match(kv[k]) or abs(float(kv[k])) > lim:
                fault(path, ln, "bad %s=%r" % (k, kv[k]))
    if ("lat" in kv) != ("lon" in kv):
        fault(path, ln, "lat and lon go together")
    if "feature" in kv and kv["feature"] not in FEATURES:
        fault(path, ln, "unknown feature=%r" % kv["feature"])
    if "url" in kv and not re.match(r"^https?://\S+$", kv["url"]):
        fault(path, ln, "bad url=%r" % kv["url"])
    return kv


class Entry:
    __slots__ = ("path", "line", "code", "type", "name", "kv", "aliases", "roles")

    def __init__(self, path, line, code, typ, name, kv):
        self.path, self.line, self.code, self.type, self.name, self.kv = \
            path, line, code, typ, name, kv
        self.aliases = []   # (kind, text, line)
        self.roles = []


def check_entry(e):
    p, ln, kv, t = e.path, e.line, e.kv, e.type
    if t == "place" and "lat" not in kv:
        fault(p, ln, "place %r has no lat/lon" % e.name)
    if t == "place" and (e.code == "INT") != ("country" not in kv):
        fault(p, ln, "place code INT goes with no country=, and only with it")
    if t == "place" and "country" not in kv and kv.get("feature") not in ("water", "region"):
        fault(p, ln, "place %r has no country (only feature=water or region may omit it)"
              % e.name)
    if t == "country":
        for k in ("country", "feature", "died", "url"):
            if k in kv:
                fault(p, ln, "key %r makes no sense on a country" % k)
    if t != "country" and "capital" in kv:
        fault(p, ln, "capital= is for country blocks")
    if t != "place" and "feature" in kv:
        fault(p, ln, "feature= is for place blocks")
    if t != "person" and "died" in kv:
        fault(p, ln, "died= is for person blocks")
    if t != "media" and "url" in kv:
        fault(p, ln, "url= is for media blocks")
    if t == "agent" and e.roles:
        fault(p, ln, "agent blocks take no role lines")
    if t == "media" and not e.code.endswith("MED"):
        fault(p, ln, "media code %r should end in MED" % e.code)
    if "country" in kv and t in ("person", "organization", "group", "media", "place") \
            and not e.code.startswith(kv["country"]) and e.code[:3] not in INTL:
        fault(p, ln, "code %r does not start with country=%s" % (e.code, kv["country"]))
    if "died" in kv:
        dlo = check_date(kv["died"])[0]
        for rln, rkv in e.roles:
            if "from" in rkv and check_date(rkv["from"])[0] > check_date(kv["died"])[1]:
                fault(p, rln, "role starts after died=%s" % kv["died"])
            if "to" not in rkv and dlo:
                fault(p, rln, "role of a person who died (%s) has no to=" % kv["died"])


def parse_block_file(path, entries):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as ex:
        fault(path, 0, "cannot read: %s" % ex.strerror)
        return
    if raw.startswith(b"\xef\xbb\xbf"):
        fault(path, 1, "byte-order mark")
        raw = raw[3:]
    cur = None
    for ln, bline in enumerate(raw.split(b"\n"), 1):
        if b"\0" in bline:
            fault(path, ln, "NUL byte")
            continue
        try:
            line = bline.decode("utf-8")
        except UnicodeDecodeError as ex:
            fault(path, ln, "invalid UTF-8 at byte %d" % ex.start)
            continue
        line = line.rstrip("\r").rstrip(" \t")
        s = line.lstrip(" \t")
        if not s or s.startswith("#"):
            continue
        if s[0] == "=":
            if cur is not None:
                check_entry(cur)
            cur = None
            m = re.match(r"^=(?: +|\t)(.*)$", s)
            if not m:
                fault(path, ln, "header: '=' must be followed by a space")
                continue
            fields = m.group(1).split("\t")
            if len(fields) < 3:
                fault(path, ln, "header needs CODE<TAB>TYPE<TAB>Name")
                continue
            code, typ, name = fields[0], fields[1], fields[2]
            if typ not in TYPES:
                fault(path, ln, "unknown type %r" % typ)
                continue
            why = check_code(code, typ)
            if why:
                fault(path, ln, why)
                continue
            if not name.strip() or name != name.strip():
                fault(path, ln, "empty or blank-padded name")
                continue
            kv = check_fields(path, ln, fields[3:], typ, KEYS)
            cur = Entry(path, ln, code, typ, name, kv)
            entries.append(cur)
            continue
        if cur is None:
            fault(path, ln, "alias or role line before any header")
            continue
        if s[0] == "@":
            m = re.match(r"^@(?: +|\t)(.*)$", s)
            if not m:
                fault(path, ln, "role line: '@' must be followed by a space")
                continue
            fields = m.group(1).split("\t")
            why = check_code(fields[0], cur.type)
            if why:
                fault(path, ln, why)
                continue
            rkv = check_fields(path, ln, fields[1:], cur.type, {"from", "to", "role"})
            cur.roles.append((ln, rkv))
            continue
        kind, text = "plain", s
        if s[0] == "~":
            kind, text = "metonym", s[1:]
        elif s[0] == "?":
            kind, text = "backref", s[1:]
        elif s[0] == "\\":
            text = s[1:]
        if "\t" in text:
            fault(path, ln, "TAB inside an alias")
            continue
        if not text.strip() or text != text.strip():
            fault(path, ln, "empty or blank-padded alias")
            continue
        if re.search(r"\s{2,}", text):
            fault(path, ln, "double space in alias %r" % text)
        if text.lower().startswith("the ") and cur.type != "media":
            fault(path, ln, "alias %r starts with 'the' (the matcher adds it)" % text)
        if kind == "metonym" and cur.type in ("agent", "media"):
            fault(path, ln, "metonym in a %s block" % cur.type)
        cur.aliases.append((kind, text, ln))
    if cur is not None:
        check_entry(cur)


def check_tsv(path):
    n = 0
    try:
        f = open(path, "rb")
    except OSError as ex:
        fault(path, 0, "cannot read: %s" % ex.strerror)
        return 0
    with f:
        for ln, bline in enumerate(f, 1):
            try:
                line = bline.decode("utf-8").rstrip("\n").rstrip("\r")
            except UnicodeDecodeError as ex:
                fault(path, ln, "invalid UTF-8 at byte %d" % ex.start)
                continue
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 5:
                fault(path, ln, "expected 5 TAB-separated columns, got %d" % len(cols))
                continue
            name, cc, lat, lon, pop = cols
            if not name or name != name.strip():
                fault(path, ln, "empty or blank-padded name")
            if not check_country(cc):
                fault(path, ln, "%r is not an ISO 3166-1 alpha-3 code" % cc)
            try:
                if abs(float(lat)) > 90 or abs(float(lon)) > 180:
                    raise ValueError
            except ValueError:
                fault(path, ln, "bad lat/lon %r %r" % (lat, lon))
            if not pop.isdigit():
                fault(path, ln, "bad population %r" % pop)
            n += 1
    return n


def cross_check(entries):
    # (type, canonical name) unique
    seen = {}
    for e in entries:
        if e.path.endswith(".in"):
            continue
        k = (e.type, e.name)
        if k in seen:
            o = seen[k]
            fault(e.path, e.line, "%s %r already defined at %s:%d" % (e.type, e.name, o.path,
                                                                        o.line))
        else:
            seen[k] = e
    # one country block per ISO code (per kind of file)
    countries = {}
    for e in entries:
        if e.type == "country":
            k = (e.code, e.path.endswith(".in"))
            if k in countries:
                o = countries[k]
                fault(e.path, e.line, "country %s already defined at %s:%d" %
                      (e.code, o.path, o.line))
            countries[k] = e
    # capitals point at a place block of that country
    places = {(e.name, e.kv.get("country")) for e in entries if e.type == "place"}
    for e in entries:
        if e.type == "country" and "capital" in e.kv and not e.path.endswith(".in"):
            if (e.kv["capital"], e.code) not in places:
                fault(e.path, e.line, "capital=%r has no place block with country=%s" %
                      (e.kv["capital"], e.code))
    # alias collisions (only between loaded files: *.in is merged into countries.txt)
    tables = {k: ({}, {}, {}) for k in ("plain", "metonym")}  # exact cs, ci, cs by lower
    for e in entries:
        if e.path.endswith(".in"):
            continue
        mine = set()
        for kind, text, ln in [("plain", e.name, e.line)] + e.aliases:
            if kind == "backref":
                continue
            if (kind, text) in mine:
                if ln != e.line:
                    fault(e.path, ln, "alias %r repeated in its block" % text)
                continue
            mine.add((kind, text))
            cs_exact, ci, cs_low = tables[kind]
            low = text.lower()
            if any(c.isupper() for c in text):
                others = [cs_exact.get(text), ci.get(low)]
            else:
                others = [ci.get(low)] + cs_low.get(low, [])
            others = [o for o in others if o is not None and o is not e]
            if others:
                o = others[0]
                fault(e.path, ln, "%s %r collides with %s %r at %s:%d" % (
                    "alias" if kind == "plain" else "metonym", text, o.type, o.name,
                    o.path, o.line))
                continue
            if any(c.isupper() for c in text):
                cs_exact[text] = e
                cs_low.setdefault(low, []).append(e)
            else:
                ci[low] = e


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__.strip())
        return 0
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "dict")
    targets = argv or [root]
    files = []
    for t in targets:
        if os.path.isdir(t):
            for n in sorted(os.listdir(t)):
                if n.endswith((".txt", ".in", ".tsv")):
                    files.append(os.path.join(t, n))
        elif os.path.exists(t):
            files.append(t)
        else:
            print("check_dict: no such file: %s" % t, file=sys.stderr)
            return 2
    entries, tsv_rows = [], 0
    for path in files:
        shown = os.path.relpath(path)
        if path.endswith(".tsv"):
            tsv_rows += check_tsv(shown)
        else:
            parse_block_file(shown, entries)
    cross_check(entries)
    by_type = {}
    for e in entries:
        if not e.path.endswith(".in"):
            by_type[e.type] = by_type.get(e.type, 0) + 1
    print("check_dict: %d files, %d entries (%s), %d aliases, %d gazetteer rows, %d faults"
          % (len(files), sum(by_type.values()),
             ", ".join("%s %d" % kv for kv in sorted(by_type.items())),
             sum(len(e.aliases) + 1 for e in entries if not e.path.endswith(".in")),
             tsv_rows, faults), file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
