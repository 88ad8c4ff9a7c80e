# Series against a recount in Python: --by month, quarter and 12m, on
# random records (day- and month-dated, counts of 0 included) of areas
# whose data start and stop in different months, some with months
# missing in the middle; random periods (starting mid-year), --compare
# none, --allow-partial and --per. Checked for each run: whether it
# fails, which rows are written, and count, population, rate,
# prev_count, coverage, yoy_count and yoy_change_pct of every row.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
python3 - "$t" <<'PY'
import csv, io, random, subprocess, sys
from fractions import Fraction
t = sys.argv[1]; R = random.Random(17); bad = runs = rows = fails = 0

def fixed(num, den, dec):  # crimerate's fixed(): half away from zero
    q = Fraction(abs(num)) * 10 ** dec / den
    v = int(q + Fraction(1, 2))
    s = str(v).rjust(dec + 1, '0')
    s = s[:-dec] + '.' + s[-dec:] if dec else s
    return ('-' if num < 0 and v else '') + s

def mlabel(m): return '%04d-%02d' % (m // 12, m % 12 + 1)

for it in range(120):
    by = R.choice(['month', 'quarter', '12m'])
    areas = R.sample(['Ashby', 'Brent', 'Crewe', 'Dover'], R.randint(1, 3))
    cats = R.sample(['Burglary', 'Robbery', 'Theft'], R.randint(1, 3))
    m0 = R.randint(2013 * 12, 2014 * 12 + 11)
    m1 = m0 + R.randint(14, 44)
    recs, cover = [], {}
    for a in areas:
        s = m0 + (R.randint(0, 8) if R.random() < .5 else 0)
        e = m1 - (R.randint(0, 8) if R.random() < .5 else 0)
        gaps = {m for m in range(s + 1, e) if R.random() < .04}
        cover[a] = set()
        for m in range(s, e + 1):
            if m in gaps:
                continue
            for c in cats:
                if R.random() < .75 or c == cats[0]:
                    n = R.choice([0, 1, 2, 5, 9, 14, 30])
                    d = mlabel(m)
                    if R.random() < .3:
                        d += '-%02d' % R.randint(1, 28)
                    recs.append((d, a, c, n))
                    cover[a].add(m)
    R.shuffle(recs)
    with open(t + '/r.csv', 'w') as f:
        f.write('date,area,category,count\n')
        for r in recs:
            f.write('%s,%s,%s,%d\n' % r)
    pop = {(a, y): R.randint(900, 250000) for a in areas
           for y in range(2011, 2020)}
    with open(t + '/p.csv', 'w') as f:
        f.write('area,year,population\n')
        for (a, y), p in sorted(pop.items()):
            f.write('%s,%d,%d\n' % (a, y, p))
    per = R.choice([1000, 1000, 100000])
    allow = R.random() < .5
    args = ['--by', by, '--population', t + '/p.csv', '--per', str(per)]
    if allow:
        args.append('--allow-partial')
    # buckets: months, or quarters; with --period, a random span of
    # whole buckets that may start and end mid-year and run past the data
    q = by == 'quarter'
    bk = (lambda m: m // 3) if q else (lambda m: m)
    bmonths = (lambda b: range(3 * b, 3 * b + 3)) if q else (lambda b: [b])
    haspd = R.random() < .6
    cmpnone = haspd and R.random() < .3
    if haspd:
        lo = bk(R.randint(m0 - 6, m1 - 2))
        hi = bk(R.randint(lo * (3 if q else 1), m1 + 6))
        hi = max(hi, lo)
        args += ['--period', '%s..%s' % (mlabel(bmonths(lo)[0]),
                 mlabel(bmonths(hi)[-1]))]
        if cmpnone:
            args += ['--compare', 'none']
    else:
        lo = min(bk(m) for a in areas for m in cover[a])
        hi = max(bk(m) for a in areas for m in cover[a])
    w = 12 if by == '12m' else 1          # buckets a row sums
    back = 23 if by == '12m' else 4 if q else 12
    yback = 4 if q else 12
    counts = {}
    for d, a, c, n in recs:
        m = int(d[:4]) * 12 + int(d[5:7]) - 1
        b = bk(m)
        if haspd and (b < lo - back or b > hi):
            continue
        counts[a, c, b] = counts.get((a, c, b), 0) + n
    pairs = sorted({(a, c) for a, c, b in counts})
    def cnt(a, c, b):
        return sum(counts.get((a, c, k), 0) for k in range(b - w + 1, b + 1))
    def cov(a, b):  # covered months, months, of the row ending at b
        ms = [m for k in range(b - w + 1, b + 1) for m in bmonths(k)]
        return sum(m in cover[a] for m in ms), len(ms)
    def popyear(b):
        if by != '12m':
            return bmonths(b)[0] // 12
        return b // 12 if b % 12 >= 5 else b // 12 - 1
    def label(b):
        if q:
            return '%dq%d' % (b // 4, b % 4 + 1)
        return ('12m:' if by == '12m' else '') + mlabel(b)
    want, fail = {}, False
    for a, c in pairs:
        slots = list(range(lo, hi + 1))
        cs = [cov(a, b) for b in slots]
        data = [j for j, (k, n) in enumerate(cs) if k > 0]
        if by == '12m':
            has = [m for m in range(lo - 11, hi + 1) if m in cover[a]]
        for j, b in enumerate(slots):
            k, n = cs[j]
            if by == '12m':
                if k == n:
                    put = True
                else:
                    put = False
                    inside = [m for m in range(b - 11, b + 1) if
                              m not in cover[a] and has and
                              has[0] < m < has[-1]]
                    fail |= bool(inside) and not allow
            else:
                partial = k < n and (k > 0 or (bool(data) and
                                               data[0] < j < data[-1]))
                fail |= partial and not allow
                put = k > 0
            if not put:
                continue
            r = {'count': str(cnt(a, c, b))}
            p = pop[a, popyear(b)]
            r['population'] = str(p)
            r['rate'] = fixed(cnt(a, c, b) * per, p, 2)
            r['coverage'] = fixed(k, n, 3)
            pb = b - w
            pk, pn = cov(a, pb)
            r['prev_count'] = str(cnt(a, c, pb)) if (not cmpnone and
                                                     pk == pn) else ''
            yb = b - (12 if by == '12m' else yback)
            yk, yn = cov(a, yb)
            y = cnt(a, c, yb)
            r['yoy_count'] = str(y) if yk == yn else ''
            r['yoy_change_pct'] = (fixed((cnt(a, c, b) - y) * 100, y, 1)
                                   if yk == yn and y > 0 and k == n else '')
            want[a, c, label(b)] = r
    p = subprocess.run(['crimerate'] + args + [t + '/r.csv'],
                       capture_output=True, text=True)
    runs += 1
    what = 'crimerate ' + ' '.join(args)
    if fail:
        fails += 1
        if p.returncode != 1 or 'no data for' not in p.stderr:
            bad += 1
            print('want a failure for a gap:', what, p.returncode,
                  p.stderr[:300])
        continue
    if p.returncode != 0:
        bad += 1
        print('failed:', what, p.stderr[:300])
        continue
    got = {(r['area'], r['category'], r['period']): r
           for r in csv.DictReader(io.StringIO(p.stdout))}
    if set(got) != set(want):
        bad += 1
        print(what, 'rows: extra', sorted(set(got) - set(want))[:4],
              'missing', sorted(set(want) - set(got))[:4])
        continue
    for k, r in want.items():
        rows += 1
        for col, v in r.items():
            if got[k][col] != v:
                bad += 1
                print(what, k, col, 'got', got[k][col], 'want', v)
                break
print('%d runs (%d failing for a gap), %d rows checked, %d bad' %
      (runs, fails, rows, bad))
sys.exit(1 if bad or rows < 1000 or fails < 5 else 0)
PY
