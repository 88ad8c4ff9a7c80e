# The trend page's sparklines and words against a recount in Python:
# for each series of trend-series.csv (satrend's output), the last 12
# counts scaled lowest to highest onto 8 levels (--ascii: . to O), the
# last row's trend word and signals.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
sarender --ascii -C category,sparkline trend-series.csv >"$TMPDIR/page" || exit 1
python3 - "$TMPDIR/page" <<'PY'
import csv, sys
from math import floor
rows = list(csv.DictReader(open('trend-series.csv')))
series = {}
for r in rows:
    series.setdefault(r['category'], []).append(r)
want = {}
for cat, rs in series.items():
    rs.sort(key=lambda r: r['period'])
    v = [int(r['count']) for r in rs[-12:]]
    lo, hi = min(v), max(v)
    s = ''.join('.,;-=+oO'[int(floor((x - lo) / (hi - lo) * 7 + 0.5))] for x in v)
    last = rs[-1]
    s += ' ' + last['trend']
    if last['spc_signal']:
        s += ' (' + last['spc_signal'].replace(';', ', ') + ')'
    want[cat] = s
got = {}
for line in open(sys.argv[1]):
    for cat in want:
        if line.startswith(cat + ' '):
            got[cat] = line[len(cat):].strip()
bad = [c for c in want if got.get(c) != want[c]]
for c in bad:
    print(c, 'got', got.get(c), 'want', want[c])
print(len(want), 'series,', len(bad), 'bad')
sys.exit(1 if bad or len(want) < 3 else 0)
PY
