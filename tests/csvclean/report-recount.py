# The data-quality report of police.uk street files, recounted from the
# files alone (not from csvclean): what csvclean -p police-street --report
# must write. Used by report-policeuk.sh. Usage: report-recount.py FILE...
# The profile's rules, restated: a row with an empty LSOA name has no area
# and is rejected; a written row whose Crime ID was seen before is a
# duplicate; a row has no location when Longitude or Latitude is empty or
# Location is empty or "No Location", no LSOA when LSOA code is empty.
import csv
import sys
from decimal import Decimal, ROUND_HALF_UP


def pct(k, n):
    if n == 0:
        return ""
    return str((Decimal(100 * k) / Decimal(n)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP))


def month(s):
    y, m = int(s[:4]), int(s[5:7])
    return y * 12 + m - 1


def mstr(m):
    return "%04d-%02d" % (m // 12, m % 12 + 1)


def span(a, b):
    return "" if a is None else mstr(a) if a == b else mstr(a) + ".." + mstr(b)


def zero():
    return {"read": 0, "written": 0, "rejected": 0, "dups": 0,
            "noloc": 0, "nolsoa": 0}


cells, files, seen = {}, [], set()
for path in sys.argv[1:]:
    ft, fm = zero(), []
    with open(path, newline="", encoding="utf-8-sig") as fp:
        for r in csv.DictReader(fp):
            key = (r["Reported by"], r["Falls within"], month(r["Month"]))
            c = cells.setdefault(key, dict(zero(), files=set()))
            c["files"].add(path)
            if r["LSOA name"].strip() == "":
                out = "rejected"
            elif r["Crime ID"] and r["Crime ID"] in seen:
                out = "dups"
            else:
                out = "written"
                if r["Crime ID"]:
                    seen.add(r["Crime ID"])
            noloc = (r["Longitude"] == "" or r["Latitude"] == "" or
                     r["Location"].strip().lower() in ("", "no location"))
            nolsoa = r["LSOA code"] == ""
            for t in (c, ft):
                t["read"] += 1
                t[out] += 1
                t["noloc"] += noloc
                t["nolsoa"] += nolsoa
            fm.append(key[2])
    files.append((path, ft, min(fm, default=None), max(fm, default=None)))

w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow("level file force falls_within month read written rejected "
           "duplicates blank headers no_location no_location_pct no_lsoa "
           "no_lsoa_pct months_missing".split())


def line(level, file, force, within, mon, t, missing):
    w.writerow([level, file, force, within, mon, t["read"], t["written"],
                t["rejected"], t["dups"], 0, 0, t["noloc"],
                pct(t["noloc"], t["read"]), t["nolsoa"],
                pct(t["nolsoa"], t["read"]), missing])


months = [k[2] for k in cells]
first, last = min(months, default=None), max(months, default=None)
allmissing, total = 0, zero()
for force, within in sorted({k[:2] for k in cells},
                            key=lambda g: (g[0].encode(), g[1].encode())):
    ft, have, k, gap = zero(), [], 0, []
    for m in range(first, last + 2):
        c = cells.get((force, within, m))
        if c is None and m <= last:
            gap.append(m)
            continue
        if gap:  # a run of months without rows: one line
            line("missing", "", force, within, span(gap[0], gap[-1]),
                 zero(), len(gap))
            k += len(gap)
            gap = []
        if m > last:
            break
        f = sorted(c["files"])
        line("month", f[0] if len(f) == 1 else "", force, within, mstr(m),
             c, 0)
        have.append(m)
        for x in ft:
            ft[x] += c[x]
    line("force", "", force, within, span(min(have), max(have)), ft, k)
    allmissing += k
for path, t, a, b in files:
    line("file", path, "", "", span(a, b), t, "")
    for x in total:
        total[x] += t[x]
line("total", "", "", "", span(first, last), total, allmissing)
