#!/usr/bin/env python3
"""Independent recount of crimerate indicators: periods sa/fy/quarter/month
ranges, the population year (30 June nearest the midpoint, ties earlier),
DAG rollups (each descendant once, in count and population: own row, else
the sum of its leaves), rounding half away from zero.  Random cases; each
compared byte for byte with crimerate."""
import random, subprocess, sys, os, tempfile
from datetime import date
from fractions import Fraction

def rnd(num, den, dec):
    q = Fraction(num, den) * 10**dec
    neg = q < 0; q = abs(q)
    n = int(q); 
    if q - n >= Fraction(1, 2): n += 1
    s = str(n).rjust(dec + 1, '0')
    s = s[:-dec] + '.' + s[-dec:] if dec else s
    return ('-' if neg and n else '') + s

def popyear(f, l):
    m2 = f.toordinal() + l.toordinal()
    best = None
    for y in range(f.year - 1, l.year + 2):
        d = abs(2 * date(y, 6, 30).toordinal() - m2)
        if best is None or d < best[0]: best = (d, y)
    return best[1]

def mspan(y, m, n):  # n months from y-m
    a = date(y, m, 1); k = y * 12 + m - 1 + n
    b = date(k // 12, k % 12 + 1, 1).toordinal() - 1
    return a, date.fromordinal(b)

def run(seed):
    R = random.Random(seed)
    areas = ['A%d' % i for i in range(R.randint(1, 6))]
    nodes = areas + ['P%d' % i for i in range(R.randint(0, 4))]
    # a DAG: edges from lower index to higher index
    order = nodes[:]; R.shuffle(order)
    edges = set()
    for i, u in enumerate(order):
        for v in order[i+1:]:
            if R.random() < 0.3: edges.add((u, v))
    kids = {n: set() for n in nodes}; pars = {n: set() for n in nodes}
    for u, v in edges: kids[v].add(u); pars[u].add(v)
    def desc(v):
        s, st = set(), [v]
        while st:
            x = st.pop()
            for k in kids[x]:
                if k not in s: s.add(k); st.append(k)
        return s
    years = range(2013, 2019)
    pop = {}
    for n in nodes:
        for y in years:
            if R.random() < 0.9 and (n in areas or R.random() < 0.3 or not kids[n]):
                pop[(n, y)] = R.randint(0, 10**R.randint(1, 7))
    kind = R.choice(['sa', 'fy', 'q', 'm', 'fyslash'])
    y = R.randint(2014, 2017)
    if kind == 'sa': f, l = mspan(y - 1, 10, 12); pf, pl = mspan(y - 2, 10, 12); arg = 'sa%d' % y
    elif kind in ('fy', 'fyslash'):
        f, l = mspan(y, 4, 12); pf, pl = mspan(y - 1, 4, 12)
        arg = 'fy%d' % y if kind == 'fy' else '%d/%02d' % (y, (y + 1) % 100)
    elif kind == 'q':
        q = R.randint(1, 4); f, l = mspan(y, 3 * q - 2, 3)
        k = y * 12 + 3 * q - 6; pf, pl = mspan(k // 12, k % 12 + 1, 3); arg = '%dq%d' % (y, q)
    else:
        m = R.randint(1, 12); f, l = mspan(y, m, 1)
        k = y * 12 + m - 2; pf, pl = mspan(k // 12, k % 12 + 1, 1); arg = '%d-%02d' % (y, m)
    recs = []
    for _ in range(R.randint(1, 40)):
        a = R.choice(nodes if R.random() < 0.2 else areas)
        yy = R.randint(2012, 2018); mm = R.randint(1, 12)
        recs.append(('%d-%02d' % (yy, mm), a, R.choice(['Burglary', 'Theft']), R.randint(0, 50)))
    # every area reports every month, 2012 to 2018 (zeros): the data cover
    # every period asked, so each row's coverage is 1
    recs += [('%d-%02d' % (yy, mm), a, 'Burglary', 0) for a in nodes
             for yy in range(2012, 2019) for mm in range(1, 13)]
    # expected
    def cnt(v, cat, a0, a1):
        s = {v} | desc(v)
        return sum(c for d, a, k, c in recs if a in s and k == cat and a0 <= date(int(d[:4]), int(d[5:]), 1) <= a1)
    def popof(v, yr):
        if (v, yr) in pop: return pop[(v, yr)]
        if not kids[v]: return None
        leaves = [u for u in desc(v) if not kids[u]]
        if any((u, yr) not in pop for u in leaves): return None
        return sum(pop[(u, yr)] for u in leaves)
    mind = min(date(int(d[:4]), int(d[5:]), 1) for d, *_ in recs)
    maxd = max(date(int(d[:4]), int(d[5:]), 1) for d, *_ in recs)
    prevok = not (pl < mind or pf > maxd.replace(day=28))
    pairs = set()  # a row for each area and category met at any date
    for d, a, k, c in recs:
        for v in {a} | {p for p in nodes if a in desc(p)}: pairs.add((v, k))
    yr, pyr = popyear(f, l), popyear(pf, pl)
    lab = arg if kind in ('sa', 'q', 'm') else 'fy%d/%02d' % (y, (y + 1) % 100)
    out = ['area,category,period,count,population,rate,prev_count,prev_rate,change,change_pct,per,coverage,prev_coverage']
    bad = False
    for v, k in sorted(pairs):
        c = cnt(v, k, f, l); p = popof(v, yr)
        if p is None: bad = True
        row = [v, k, lab, str(c), '' if p is None else str(p), rnd(c * 1000, p, 2) if p else '']
        if prevok:
            pc = cnt(v, k, pf, pl); pp = popof(v, pyr)
            if pp is None: bad = True
            row += [str(pc), rnd(pc * 1000, pp, 2) if pp else '', str(c - pc), rnd((c - pc) * 100, pc, 1) if pc else '']
        else: row += [''] * 4
        row += ['1000', '1.000', '1.000']
        out.append(','.join(row))
    with tempfile.TemporaryDirectory() as t:
        open(t + '/r.csv', 'w').write('area,parent\n' + ''.join('%s,%s\n' % e for e in sorted(edges)))
        open(t + '/p.csv', 'w').write('area,year,population\n' + ''.join('%s,%d,%d\n' % (a, yy, v) for (a, yy), v in sorted(pop.items())))
        open(t + '/d.csv', 'w').write('date,area,category,count\n' + ''.join('%s,%s,%s,%d\n' % r for r in recs))
        res = subprocess.run([os.environ.get('CRIMERATE', 'crimerate'), '--period', arg, '--rollup', t + '/r.csv',
                              '--population', t + '/p.csv', t + '/d.csv'], capture_output=True, text=True)
    if bad:
        if res.returncode != 1 or 'no population' not in res.stderr:
            print('seed', seed, 'want a missing-population error, got', res.returncode, res.stderr); return False
        return True
    want = '\n'.join(out) + '\n'
    # the change's significance (change_lcl ... change_sig) is checked
    # against SciPy by signif.sh; here the first 13 columns
    got = ''.join(','.join(l.split(',')[:13]) + '\n' for l in res.stdout.splitlines())
    if res.returncode != 0 or got != want:
        print('seed', seed, arg, res.returncode, res.stderr)
        import difflib
        print(''.join(difflib.unified_diff(want.splitlines(1), got.splitlines(1))))
        return False
    return True

n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
ok = sum(run(s) for s in range(n))
print('%d/%d agree' % (ok, n))
sys.exit(ok != n)
