# The tests of the rows' changes are computed ahead, on every processor
# crimerate may run on, once the rows are known: 480 rows by month (10
# areas, 48 months, counts from 0 to 20,000) give the same output on one
# processor (taskset) as on all, and each row's change_lcl, change_ucl,
# change_p and change_sig are SciPy's binomtest of the month against the
# one before, exposure = days (no populations). Each area's counts stay
# within a factor of three of its own level, some months none: SciPy's
# limits and p-values lose digits in the far tails (p below 1e-250), where
# crimerate's were checked against exact arithmetic instead.
py=""
for p in /usr/bin/python3 python3; do
	"$p" -c 'import scipy' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { echo "no python3 with scipy (python3-scipy)"; exit 77; }
command -v taskset >/dev/null || { echo "no taskset (util-linux)"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
"$py" - "$t" <<'PY'
import csv, io, random, subprocess, sys, calendar
from decimal import Decimal, ROUND_HALF_UP
from scipy.stats import binomtest
t = sys.argv[1]; R = random.Random(11)
def r1(x):
    s = str(Decimal(repr(x)).quantize(Decimal('0.1'), ROUND_HALF_UP))
    return '0.0' if s == '-0.0' else s
months = [(y, m) for y in range(2013, 2017) for m in range(1, 13)]
cnt = {}
lines = ['date,area,category,count\n']
for a in range(10):
    level = [0, 3, 40, 2000, 20000, 7, 150, 9000, 1, 600][a]
    for ym in months:
        c = 0 if R.random() < 0.05 else int(level * R.uniform(0.5, 1.5))
        cnt[('A%d' % a, ym)] = c
        lines.append('%d-%02d,A%d,X,%d\n' % (ym[0], ym[1], a, c))
open(t + '/d.csv', 'w').write(''.join(lines))
def run(pre):
    r = subprocess.run(pre + ['crimerate', '--by', 'month', t + '/d.csv'],
                       capture_output=True, text=True)
    if r.returncode:
        print(r.stderr); sys.exit(1)
    return r.stdout
one, alln = run(['taskset', '-c', '0']), run([])
if one != alln:
    print('one processor and all differ'); sys.exit(1)
rows = list(csv.DictReader(io.StringIO(alln)))
bad = tested = 0
for row in rows:
    y, m = int(row['period'][:4]), int(row['period'][5:7])
    p = (y, m - 1) if m > 1 else (y - 1, 12)
    key = (row['area'], (y, m))
    if p not in [ym for ym in months]:
        continue
    c1, c2 = cnt[key], cnt[(row['area'], p)]
    e1, e2 = calendar.monthrange(y, m)[1], calendar.monthrange(*p)[1]
    want = ['', '', '', '']
    if c1 + c2 > 0:
        r = binomtest(c1, c1 + c2, e1 / (e1 + e2))
        ci = r.proportion_ci(0.95, 'exact')
        lo = (ci.low / (1 - ci.low) * e2 / e1 - 1) * 100
        hi = '' if ci.high >= 1 else r1((ci.high / (1 - ci.high) * e2 / e1 - 1) * 100)
        pv = r.pvalue
        sig = 'none' if pv >= 0.05 else ('up' if c1 / e1 > c2 / e2 else 'down')
        want = [r1(lo), hi, pv, sig]
    got = [row['change_lcl'], row['change_ucl'], row['change_p'], row['change_sig']]
    ok = got[0] == want[0] and got[1] == want[1] and got[3] == want[3]
    if want[2] == '':
        ok = ok and got[2] == ''
    else:
        g = float(got[2]); w = want[2]
        ok = ok and (abs(g - w) <= 5e-5 if w >= 1e-4 else
                     abs(g - w) <= 1e-3 * w or (w < 1e-300 and g < 1e-300))
    tested += 1
    if not ok:
        bad += 1
        if bad < 5: print(row['area'], row['period'], c1, c2, 'got', got, 'want', want)
if len(rows) != 480 or tested < 400:
    print('%d rows, %d tested' % (len(rows), tested)); sys.exit(1)
print('%d rows, %d tested, %d differ' % (len(rows), tested, bad))
sys.exit(bad != 0)
PY
