# Percentage indicators against SciPy on random counts: crimerate's
# rate and prev_rate (numerator / denominator x 100), change_pct (of the
# percentage), change_p (Fisher's exact test, scipy.stats.fisher_exact),
# change_lcl and change_ucl (Katz's interval for the ratio of the two
# proportions, scipy.stats.contingency.relative_risk) and change_sig, at
# 95 % and 99.8 %; and msgrank's lcl and ucl for them (Wilson's
# interval, scipy.stats.binomtest(...).proportion_ci(method='wilson')).
py=""
for p in /usr/bin/python3 python3; do
	"$p" -c 'import scipy' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { echo "no python3 with scipy (python3-scipy)"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
"$py" - "$t" <<'PY'
import csv, io, random, subprocess, sys
from fractions import Fraction
from decimal import Decimal, ROUND_HALF_UP
from scipy.stats import fisher_exact, binomtest
from scipy.stats.contingency import relative_risk
t = sys.argv[1]; R = random.Random(16); bad = 0; n = 0
def rnd(x, d):  # half away from zero, exactly, and never "-0.0"
    q = Decimal(1).scaleb(-d)
    s = str((Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction)
             else Decimal(repr(x))).quantize(q, ROUND_HALF_UP))
    return s[1:] if s.startswith('-') and float(s) == 0 else s
def near(got, want, d):  # a rounded figure, allowing for the last bit
    return got != '' and abs(float(got) - want) <= 0.5 * 10 ** -d + 1e-9
open(t + '/i.csv', 'w').write('indicator,polarity,denominator,per,kind,numerator\n'
                              'Repeat (%),low,Victims,,percentage,Repeats\n')
for it in range(60):
    level = R.choice(['95', '99.8'])
    scale = R.choice([5, 50, 500, 50000])
    recs, want = [], {}
    for a in ['A%d' % i for i in range(R.randint(2, 6))]:
        ks = []
        for y in (2015, 2016):
            nv = R.randint(0, scale) if R.random() < 0.9 else 0
            k = R.choice([0, nv, R.randint(0, nv)]) if R.random() < 0.2 else R.randint(0, nv)
            recs += ['%d,%s,Victims,%d' % (y, a, nv), '%d,%s,Repeats,%d' % (y, a, k)]
            ks.append((k, nv))
        want[a] = ks
    open(t + '/d.csv', 'w').write('date,area,category,count\n' + '\n'.join(recs) + '\n')
    res = subprocess.run(['crimerate', '--period', '2016', '--level', level, '--indicators',
                          t + '/i.csv', t + '/d.csv'], capture_output=True, text=True)
    if res.returncode:
        print(res.stderr); bad += 1; continue
    rk = subprocess.run(['msgrank', '--level', level], input=res.stdout, capture_output=True,
                        text=True)
    if rk.returncode:
        print(rk.stderr); bad += 1; continue
    conf = float(level) / 100
    for row in csv.DictReader(io.StringIO(rk.stdout)):
        if row['category'] != 'Repeat (%)':
            continue
        n += 1
        (k2, n2), (k1, n1) = want[row['area']]
        e = []
        def chk(name, ok):
            if not ok: e.append('%s=%r' % (name, row[name]))
        chk('kind', row['kind'] == 'percentage')
        chk('denominator', row['denominator'] == 'Victims')
        chk('count', row['count'] == str(k1))
        chk('population', row['population'] == str(n1))
        chk('rate', row['rate'] == (rnd(Fraction(100 * k1, n1), 2) if n1 else ''))
        chk('prev_rate', row['prev_rate'] == (rnd(Fraction(100 * k2, n2), 2) if n2 else ''))
        cp = ''
        if k2 and n1 and n2:
            cp = rnd((Fraction(k1, n1) / Fraction(k2, n2) - 1) * 100, 1)
        chk('change_pct', row['change_pct'] == cp)
        if n1 and n2 and k1 + k2:
            p = fisher_exact([[k1, n1 - k1], [k2, n2 - k2]]).pvalue
            g = float(row['change_p'] or 'nan')
            chk('change_p', abs(g - p) <= 5e-5 if p >= 1e-4 else abs(g - p) <= 1e-3 * p)
            sig = 'none' if p >= 1 - conf else ('up' if k1 * n2 > k2 * n1 else 'down')
            chk('change_sig', row['change_sig'] == sig)
            if k1 and k2:
                ci = relative_risk(k1, n1, k2, n2).confidence_interval(conf)
                chk('change_lcl', near(row['change_lcl'], (ci.low - 1) * 100, 1))
                chk('change_ucl', near(row['change_ucl'], (ci.high - 1) * 100, 1))
            else:
                chk('change_lcl', row['change_lcl'] == '' and row['change_ucl'] == '')
        else:
            chk('change_p', row['change_p'] == '' and row['change_sig'] == '')
        if n1:
            ci = binomtest(k1, n1).proportion_ci(conf, method='wilson')
            chk('lcl', near(row['lcl'], ci.low * 100, 2))
            chk('ucl', near(row['ucl'], ci.high * 100, 2))
        if e:
            bad += 1
            if bad < 6: print(level, (k1, n1), (k2, n2), ' '.join(e))
if n < 200:
    print('only %d rows' % n); bad += 1
print('%d rows, %d differ' % (n, bad))
sys.exit(bad != 0)
PY
