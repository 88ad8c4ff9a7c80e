# The significance of the change (change_lcl, change_ucl, change_p,
# change_sig) against SciPy's binomtest on random counts, populations
# and periods of different lengths: the exact conditional test of two
# Poisson counts, exposure = population x days, at 95 % and 99.8 %.
# R's poisson.test(c(11, 21), c(800, 3011)) is unit-tested in t_stats.
py=""
for p in /usr/bin/python3 python3; do
	"$p" -c 'import scipy' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { echo "no python3 with scipy (python3-scipy)"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
"$py" - "$t" <<'PY'
import csv, io, random, subprocess, sys
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
from scipy.stats import binomtest
t = sys.argv[1]; R = random.Random(5); bad = 0; n = 0
def r1(x):  # half away from zero, and never "-0.0"
    s = str(Decimal(repr(x)).quantize(Decimal('0.1'), ROUND_HALF_UP))
    return '0.0' if s == '-0.0' else s
for it in range(150):
    level = R.choice(['95', '99.8'])
    scale = R.choice([3, 30, 300, 30000])
    areas = ['A%d' % i for i in range(R.randint(1, 4))]
    recs, pops = [], []
    for a in areas:
        for y in (2014, 2015, 2016):
            pops.append((a, y, R.randint(1000, 400000)))
        for y in (2014, 2015, 2016):
            for m in range(1, 13):
                recs.append(('%d-%02d' % (y, m), a, R.randint(0, scale) if R.random() < 0.8 else 0))
    open(t + '/d.csv', 'w').write('date,area,category,count\n' + ''.join('%s,%s,X,%d\n' % r for r in recs))
    open(t + '/p.csv', 'w').write('area,year,population\n' + ''.join('%s,%d,%d\n' % p for p in pops))
    # sa2016 (366 days) against sa2015 (365), or a quarter against the one before
    per, f, l, pf, pl = R.choice([('sa2016', (2015, 10), (2016, 9), (2014, 10), (2015, 9)),
                                  ('2016q1', (2016, 1), (2016, 3), (2015, 10), (2015, 12))])
    res = subprocess.run(['crimerate', '--period', per, '--level', level, '--population',
                          t + '/p.csv', t + '/d.csv'], capture_output=True, text=True)
    if res.returncode:
        print(per, res.stderr); bad += 1; continue
    def days(a, b):
        e = date(b[0] + (b[1] == 12), b[1] % 12 + 1, 1)
        return (e - date(a[0], a[1], 1)).days
    for row in list(csv.DictReader(io.StringIO(res.stdout))):
        a = row['area']; n += 1
        ins = lambda s, e: sum(c for d, ar, c in recs if ar == a and s <= (int(d[:4]), int(d[5:])) <= e)
        c1, c2 = ins(f, l), ins(pf, pl)
        pop = {(x, y): v for x, y, v in pops}
        y1 = 2016 if per == 'sa2016' else 2016
        y2 = 2015
        if per == '2016q1': y2 = 2015  # Oct-Dec 2015: nearest 30 June is 2015
        e1 = pop[(a, y1)] * days(f, l); e2 = pop[(a, y2)] * days(pf, pl)
        want = ['', '', '', '']
        if c1 + c2 > 0:
            r = binomtest(c1, c1 + c2, e1 / (e1 + e2))
            ci = r.proportion_ci(float(level) / 100, 'exact')
            lo = (ci.low / (1 - ci.low) * e2 / e1 - 1) * 100
            hi = '' if ci.high >= 1 else r1((ci.high / (1 - ci.high) * e2 / e1 - 1) * 100)
            pv = r.pvalue
            sig = 'none' if pv >= 1 - float(level) / 100 else ('up' if c1 / e1 > c2 / e2 else 'down')
            want = [r1(lo), hi, pv, sig]
        got = [row['change_lcl'], row['change_ucl'], row['change_p'], row['change_sig']]
        ok = got[0] == want[0] and got[1] == want[1] and got[3] == want[3]
        if want[2] == '':
            ok = ok and got[2] == ''
        else:
            g = float(got[2]); w = want[2]
            ok = ok and (abs(g - w) <= 5e-5 if w >= 1e-4 else
                         abs(g - w) <= 1e-3 * w or (w < 1e-300 and g < 1e-300))
        if not ok:
            bad += 1
            if bad < 5: print(per, level, a, c1, c2, 'got', got, 'want', want)
print('%d rows, %d differ' % (n, bad))
sys.exit(bad != 0)
PY
