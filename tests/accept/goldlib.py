"""What the acceptance scripts share: a tally of checks, and how a coded
event is matched to a gold event of ../shared/gold/seeds.json (categories,
actor roots, dates, modality, participants). Imported by events_seeds.py and
run_seeds.py from their own folder."""


class Checks:
    """Count checks; print each failure; close with "NAME: N passed, N failed"."""

    def __init__(self, name, show_ok=False):
        self.name, self.passed, self.failed, self.show_ok = name, 0, 0, show_ok

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
            if self.show_ok:
                print("  ok", what)
        else:
            self.failed += 1
            print("FAIL", what)

    def finish(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed))
        return 1 if self.failed else 0


def codes(actors):
    return [a.get("code") or "" for a in actors]


def has(cs, wanted):
    """Any code matches a gold root: its country prefix, or HMS anywhere (Hamas)."""
    return any((w == "HMS" and "HMS" in c) or c[:3] == w for c in cs for w in wanted)


def matches(e, g, why=None):
    """Does coded event e (the `code` or `run` object) satisfy gold event g?
    Reasons for a near miss are appended to why."""
    why = why if why is not None else []
    if e["event"] not in g["event"]:
        alt = g.get("also_accepted")
        if not (alt and e["event"] in alt["event"] and e["modality"] in alt["modality"]):
            return False
    if "modality" in g and e["modality"] not in g["modality"]:
        why.append("modality %s" % e["modality"])
        return False
    src, tgt = codes(e["source"]), codes(e["target"])
    if "source_any" in g and not has(src, g["source_any"]):
        why.append("source %s" % src)
        return False
    if "target_any" in g and not has(tgt, g["target_any"]):
        why.append("target %s" % tgt)
        return False
    if "participants_any_two_of" in g:
        parts = {"HMS" if "HMS" in c else c[:3] for c in src + tgt if c}
        if len(parts & set(g["participants_any_two_of"])) < 2:
            why.append("participants %s" % sorted(parts))
            return False
    if "date" in g and e["date"] not in g["date"]:
        why.append("date %s" % e["date"])
        return False
    return True
