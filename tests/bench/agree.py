#!/usr/bin/env python3
"""agree.py SAPIPE PEER NAME [ROWS]: check that a peer counted the same
crimes per month x district x crime type as sapipe on the reference job.

SAPIPE is crimerate --by month output (area,category,period,count,...;
months with no crime appear with count 0). PEER is the peer's CSV with a
header and the columns month, area, crime type, count in that order.
sapipe rejects rows with no LSOA (no area); the peers keep them with an
empty area, so those are left out of the peer's side; when ROWS (the
number of rows in the input) is given, the crimes sapipe counted plus the
peer's rows with no area must make it: no row lost on either side.
Prints one line when they agree; the differences, loudly, when not.
Exit 0 agree, 1 differ, 2 unreadable."""
import csv
import sys


def load_sapipe(path):
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            n = int(row["count"])
            if n:
                out[(row["period"], row["area"], row["category"])] = n
    return out


def load_peer(path):
    out, empty = {}, 0
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            if not row:
                continue
            month, area, kind = (s.strip() for s in row[:3])
            n = int(float(row[3]))
            if not area:
                empty += n
                continue
            key = (month, area, kind)
            out[key] = out.get(key, 0) + n
    return out, empty


def main():
    if len(sys.argv) not in (4, 5):
        sys.stderr.write(__doc__.split("\n\n")[0] + "\n")
        return 2
    name = sys.argv[3]
    try:
        sap = load_sapipe(sys.argv[1])
        peer, empty = load_peer(sys.argv[2])
    except (OSError, ValueError, KeyError, StopIteration, IndexError) as e:
        print("check %s: cannot read the outputs (%s: %s)" %
              (name, type(e).__name__, e))
        return 2
    bad = []
    for k in sorted(set(sap) | set(peer)):
        a, b = sap.get(k, 0), peer.get(k, 0)
        if a != b:
            bad.append("  %s, %s, %s: sapipe %d, %s %d" % (k + (a, name, b)))
    total = sum(sap.values())
    rows = None if len(sys.argv) < 5 else int(sys.argv[4])
    if rows is not None and total + empty != rows:
        bad.append("  of %d rows, sapipe counted %d and %s had %d with no "
                   "area: %d rows unaccounted for"
                   % (rows, total, name, empty, rows - total - empty))
    if not bad:
        print("check %s: agrees with sapipe: %d groups, %d crimes "
              "(%d rows with no area left out of both)"
              % (name, len(sap), total, empty))
        return 0
    print("check %s: MISMATCH with sapipe in %d places "
          "(sapipe %d groups, %d crimes; %s %d groups, %d crimes):"
          % (name, len(bad), len(sap), total, name, len(peer),
             sum(peer.values())))
    for line in bad[:20]:
        print(line)
    if len(bad) > 20:
        print("  ... and %d more" % (len(bad) - 20))
    return 1


if __name__ == "__main__":
    sys.exit(main())
