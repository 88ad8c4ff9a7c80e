#!/usr/bin/env python3
"""Compute the worked example's indicators from the committed extracts,
independently of the sapipe tools and of make-example.py (all figures
invented), so that the pipeline's output can be checked against them.

  python3 examples/gen/check-example.py [--headline] [--period sa2016]

Prints crimerate's columns (area,category,period,count,population,rate,
prev_count,prev_rate,change,change_pct) for every area and indicator, the
period against the one before it; --headline prints the README's table.
Rules, as the example's pipeline applies them:
  - police.uk street rows: area = LSOA name without " NNNX"; rows with no
    LSOA are dropped; a Crime ID seen before is dropped (ASB rows have none);
    a header line repeated mid-stream is not data.
  - council ASB log: Windows-1252; a row whose date is impossible is
    dropped; a Case Ref seen before is dropped; category "ASB (council)".
  - A&E extract: Month as "Oct-15"; category "Assault (A&E)".
  - fire service export: Quarter as "2015/16 Q3", a fiscal quarter (Q1 is
    April to June), which counts toward a period only when all three of
    its months lie inside it; " & " in a district is " and "; category
    the Offence; the closing "Grand Total" row is not data (it must equal
    the sum of the rows above it).
  - categories.csv maps categories to indicators (many-to-many);
    rollup.csv adds each parent (transitively); a rate is per 1,000 of the
    population of the year in which the period ends (sa2016: mid-2016).
"""
import argparse
import csv
import datetime
import glob
import gzip
import io
import os
import re
import sys
from collections import defaultdict

EX = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MON = {m: i + 1 for i, m in enumerate(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}


def opentext(path, enc="utf-8"):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    return io.StringIO(data.decode(enc), newline="")


def street(add):
    seen = set()
    files = sorted(glob.glob(os.path.join(EX, "data", "street", "*.csv*")))
    for path in files:
        rd = csv.reader(opentext(path))
        head = next(rd)
        for row in rd:
            if row == head:
                continue
            r = dict(zip(head, row))
            if not r["LSOA name"].strip():
                continue
            cid = r["Crime ID"].strip()
            if cid:
                if cid in seen:
                    continue
                seen.add(cid)
            area = re.sub(r" [0-9]{3}[A-Z]$", "", r["LSOA name"].strip())
            add(r["Month"].strip(), area, r["Crime type"].strip(), 1)


def counts_file(path, add):
    for r in csv.DictReader(opentext(path)):
        add(r["date"], r["area"], r["category"], int(r["count"]))


def council(add):
    seen = set()
    path = os.path.join(EX, "data", "asb", "council-asb-log.csv")
    for r in csv.DictReader(opentext(path, "cp1252")):
        try:
            d, m, y = (int(x) for x in r["Date Reported"].strip().split("/"))
            date = datetime.date(y, m, d)
        except ValueError:
            continue
        ref = r["Case Ref"].strip()
        if ref in seen:
            continue
        seen.add(ref)
        add(f"{date.year:04d}-{date.month:02d}", r["District"].strip(),
            "ASB (council)", 1)


def health(add):
    path = os.path.join(EX, "data", "health", "ae-assaults.csv")
    for r in csv.DictReader(opentext(path)):
        mon, yy = r["Month"].strip().split("-")
        add(f"20{yy}-{MON[mon]:02d}", r["District"].strip(),
            "Assault (A&E)", int(r["Assault attendances"]))


def fire(add):
    path = os.path.join(EX, "data", "fire", "deliberate-fires.csv")
    total = None
    n = 0
    for r in csv.DictReader(opentext(path)):
        q = r["Quarter"].strip()
        if q == "Grand Total":
            total = int(r["Number"])
            continue
        m = re.fullmatch(r"([0-9]{4})/([0-9]{2}) Q([1-4])", q)
        if not m or int(m[2]) != (int(m[1]) + 1) % 100:
            sys.exit(f"{path}: '{q}' is not a fiscal quarter")
        first = int(m[1]) * 12 + 3 + 3 * (int(m[3]) - 1)  # months since 0 AD
        months = [f"{k // 12:04d}-{k % 12 + 1:02d}"
                  for k in range(first, first + 3)]
        n += int(r["Number"])
        add(months, r["District"].strip().replace(" & ", " and "),
            r["Offence"].strip(), int(r["Number"]))
    if total != n:
        sys.exit(f"{path}: Grand Total {total}, rows sum to {n}")


def lookups():
    lk = lambda n: csv.DictReader(opentext(os.path.join(EX, "lookups", n)))
    pop = {(r["area"], int(r["year"])): int(r["population"])
           for r in lk("population.csv")}
    cats = defaultdict(list)
    for r in lk("categories.csv"):
        cats[r["category"]].append(r["indicator"])
    parent = {r["area"]: r["parent"] for r in lk("rollup.csv")}
    return pop, cats, parent


def sa_months(year):
    return [f"{year - 1}-{m:02d}" for m in range(10, 13)] + \
           [f"{year}-{m:02d}" for m in range(1, 10)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--period", default="sa2016")
    ap.add_argument("--headline", action="store_true")
    a = ap.parse_args()
    year = int(a.period[2:])
    cur, prev = set(sa_months(year)), set(sa_months(year - 1))
    pop, cats, parent = lookups()
    tot = defaultdict(int)   # (area, indicator, "cur"|"prev") -> count
    unmapped = set()

    def add(month, area, category, n):
        """month: a month, or the list of the months a span covers."""
        span = set(month) if isinstance(month, list) else {month}
        which = "cur" if span <= cur else "prev" if span <= prev else None
        if not which:
            return
        if category not in cats:
            unmapped.add(category)
        areas = [area]
        while areas[-1] in parent:
            areas.append(parent[areas[-1]])
        for ind in cats.get(category, []):
            for ar in areas:
                tot[ar, ind, which] += n

    street(add)
    counts_file(os.path.join(EX, "data", "county",
                             "kent-other-districts.csv.gz"), add)
    counts_file(os.path.join(EX, "data", "msg", "msg-partnerships.csv"), add)
    council(add)
    health(add)
    fire(add)
    if unmapped:
        sys.exit(f"unmapped categories: {sorted(unmapped)}")

    def fmt(x, dec):
        # a value this close to a rounding tie could print either way
        f = abs(x) * 10 ** dec
        if abs(f - int(f) - 0.5) < 1e-6:
            print(f"warning: {x!r} is near a rounding tie", file=sys.stderr)
        return f"{x:.{dec}f}"

    rows = []
    for ar, ind in sorted({(k[0], k[1]) for k in tot}):
        c, p = tot[ar, ind, "cur"], tot[ar, ind, "prev"]
        pc, pp = pop[ar, year], pop.get((ar, year - 1))
        prate = fmt(p * 1000.0 / pp, 2) if pp else ""
        pct = fmt((c - p) * 100.0 / p, 1) if p else ""
        rows.append([ar, ind, a.period, c, pc, fmt(c * 1000.0 / pc, 2), p,
                     prate, c - p, pct])
    if not a.headline:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow("area,category,period,count,population,rate,prev_count,"
                   "prev_rate,change,change_pct".split(","))
        w.writerows(rows)
        return
    print(f"| area | indicator | {a.period} count | population | per 1,000 "
          f"| sa{year - 1} count | per 1,000 | change | change % |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        if r[0] in ("Dartford", "Gravesham", "North Kent", "Kent") and \
                r[1] == "Total recorded crime":
            print("| " + " | ".join(str(x) for x in r[:2] + r[3:]) + " |")


if __name__ == "__main__":
    main()
