# The harm-weighted total, harm_share and volume_share against a recount
# in Python's exact fractions, on random counts and weights (some with
# decimals, some 0, a category without one) for areas and their parent:
# harm = sum of weight x count, its rate per 1,000 of the population, a
# row's shares of the area's harm and of its weighted categories' volume.
py=$(command -v /usr/bin/python3 || command -v python3) || exit 77
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
"$py" - "$t" <<'PY'
import csv, io, random, subprocess, sys
from fractions import Fraction as F
from decimal import Decimal, ROUND_HALF_UP
t = sys.argv[1]; R = random.Random(17); bad = 0; n = 0
def rnd(x, d):
    s = str((Decimal(x.numerator) / Decimal(x.denominator)).quantize(Decimal(1).scaleb(-d), ROUND_HALF_UP))
    return s[1:] if s.startswith('-') and Decimal(s) == 0 else s
cats = ['Homicide', 'Domestic burglary', 'Criminal damage', 'Drug possession', 'ASB']
for it in range(40):
    dec = R.choice([0, 1, 2, 3, 6])
    w = {c: F(R.randint(0, 10 ** (4 + dec)), 10 ** dec) for c in cats[:4]}
    w[cats[R.randrange(4)]] = F(0)
    areas = ['A', 'B', 'C']
    cnt = {(a, y, c): R.randint(0, 3000) if R.random() < .85 else 0
           for a in areas for y in (2015, 2016) for c in cats}
    pop = {a: R.randint(1000, 300000) for a in areas}
    open(t + '/d.csv', 'w').write('date,area,category,count\n' + ''.join(
        '%d,%s,%s,%d\n' % (y, a, c, v) for (a, y, c), v in cnt.items()))
    open(t + '/w.csv', 'w').write('category,weight\n' + ''.join(
        '%s,%s\n' % (c, format(float(v), '.%df' % dec) if dec else v) for c, v in w.items()))
    open(t + '/p.csv', 'w').write('area,population\n' + ''.join('%s,%d\n' % (a, pop[a]) for a in areas))
    open(t + '/r.csv', 'w').write('area,parent\nA,AB\nB,AB\n')
    res = subprocess.run(['crimerate', '--period', '2016', '--population', t + '/p.csv',
                          '--weights', t + '/w.csv', '--rollup', t + '/r.csv', t + '/d.csv'],
                         capture_output=True, text=True)
    if res.returncode or "no weight for category 'ASB'" not in res.stderr:
        print(res.stderr); bad += 1; continue
    members = {'A': ['A'], 'B': ['B'], 'C': ['C'], 'AB': ['A', 'B']}
    for row in csv.DictReader(io.StringIO(res.stdout)):
        a, c = row['area'], row['category']; n += 1
        m = members[a]; p = sum(pop[x] for x in m)
        H = lambda y: sum(w[k] * cnt[(x, y, k)] for x in m for k in w)
        V = lambda y: sum(cnt[(x, y, k)] for x in m for k in w)
        if c == 'Harm-weighted total':
            h, ph = H(2016), H(2015)
            want = {'count': rnd(h, dec), 'rate': rnd(h * 1000 / p, 2),
                    'prev_count': rnd(ph, dec), 'change': rnd(h - ph, dec),
                    'change_pct': rnd((h - ph) * 100 / ph, 1) if ph else '',
                    'kind': 'harm', 'harm_share': '', 'volume_share': '', 'change_p': ''}
        else:
            k = sum(cnt[(x, 2016, c)] for x in m)
            want = {'count': str(k), 'kind': 'count'}
            if c in w:
                want['harm_share'] = rnd(w[c] * k * 100 / H(2016), 1) if H(2016) else ''
                want['volume_share'] = rnd(F(k * 100, V(2016)), 1) if V(2016) else ''
            else:
                want['harm_share'] = want['volume_share'] = ''
        diff = {f: (row[f], v) for f, v in want.items() if row[f] != v}
        if diff:
            bad += 1
            if bad < 6: print(a, c, diff)
print('%d rows, %d differ' % (n, bad))
sys.exit(bad != 0 or n < 300)
PY
