# satrend against an independent computation in Python (the standard
# library only), written from the sources the man page cites and not from
# satrend's code: NHSRplotthedots' R/ptd_spc_standard.R and
# R/ptd_calculate_point_type.R (window by window, as the R does it) and
# Fingertips' TrendMarkerCalculator.cs (sums Val1..Val5, six slopes), with
# the Poisson limits from the Poisson distribution itself (exact below 10,
# Byar's from 10). Series with known signals (a step change, a run, a
# trend, a single outlier, a point on the mean, ties), then 300 random
# series of counts, by count and by rate, shuffled.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
cat >"$t/ref.py" <<'EOF'
import csv, math, random, sys
from fractions import Fraction

def mean(xs):
    return sum(xs) / len(xs)

# ---- XmR, as R/ptd_spc_standard.R (screen_outliers = TRUE) ----
def xmr(y, nbase):
    fix = y[:nbase]
    m = mean(fix)
    mr = [abs(fix[i] - fix[i - 1]) for i in range(1, len(fix))]
    amr = mean(mr)
    kept = [r for r in mr if r < 3.267 * amr]
    amr = mean(kept) if kept else 0.0  # R: NaN; satrend: the mean
    return m, m - 2.66 * amr, m + 2.66 * amr

# ---- the rules, as R/ptd_calculate_point_type.R, for any length ----
def sign(v):
    return (v > 0) - (v < 0)

def one_side_mean(rtm, L):           # ptd_seven_point_one_side_mean
    vp = [0] * (L - 1) + rtm
    return [vp[i] if vp[i] != 0 and all(vp[i] == vp[i - k] for k in range(1, L)) else 0
            for i in range(L - 1, len(vp))]

def point_trend(y, L):               # ptd_seven_point_trend
    out = [0] * len(y)
    for i in range(L - 1, len(y)):
        d = [sign(y[i - k] - y[i - k - 1]) for k in range(L - 1)]
        out[i] = 1 if all(x == 1 for x in d) else -1 if all(x == -1 for x in d) else 0
    return out

def part_of(v, L):                   # ptd_part_of_seven_trend, by direction
    vp = v + [0] * (L - 1)
    return [set(vp[i + k] for k in range(L)) - {0} for i in range(len(v))]

def signals(y, m, lpl, upl, runlen, trendlen):
    rtm = [sign(v - m) for v in y]
    runs = part_of(one_side_mean(rtm, runlen), runlen)
    trends = part_of(point_trend(y, trendlen), trendlen)
    out = []
    for i, v in enumerate(y):
        s = []
        if v > upl: s.append("outside-high")
        if v < lpl: s.append("outside-low")
        if 1 in runs[i]: s.append("run-high")
        if -1 in runs[i]: s.append("run-low")
        if 1 in trends[i]: s.append("trend-up")
        if -1 in trends[i]: s.append("trend-down")
        out.append(";".join(s))
    return out

# ---- Poisson 95 % limits: exact (Garwood) below 10, Byar's from 10 ----
def pois_cdf(k, mu):                 # P(X <= k)
    term = total = math.exp(-mu)
    for i in range(1, k + 1):
        term *= mu / i
        total += term
    return total

def solve(f, lo, hi):                # f increasing, root by bisection
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) < 0: lo = mid
        else: hi = mid
    return (lo + hi) / 2

def pois_ci(k):
    if k >= 10:
        z = 1.959963984540054
        lo = k * (1 - 1 / (9 * k) - z / (3 * math.sqrt(k))) ** 3
        k1 = k + 1
        hi = k1 * (1 - 1 / (9 * k1) + z / (3 * math.sqrt(k1))) ** 3
        return lo, hi
    lo = 0.0 if k == 0 else solve(lambda mu: (1 - pois_cdf(k - 1, mu)) - 0.025, 0, 100)
    hi = solve(lambda mu: 0.025 - pois_cdf(k, mu), 0, 100)
    return lo, hi

# ---- TrendMarkerCalculator.cs ----
def trend_marker(vals, cis):
    d = {}
    for counter, (v, (lcl, ucl)) in enumerate(zip(vals, cis), 1):
        div = ((ucl - lcl) / 3.92) ** 2
        d[counter] = (1 / div, v * counter / div, counter / div, v / div, counter ** 2 / div)
    slope_sum, slope, chi2 = 0, None, None
    for check in range(0, 6):
        s = [0.0] * 5
        for key, val in d.items():
            if check == 0 or key != check:
                s = [a + b for a, b in zip(s, val)]
        sv = (s[0] * s[1] - s[2] * s[3]) / (s[0] * s[4] - s[2] ** 2)
        # the sign in exact arithmetic: a slope of exactly 0 counts as +1
        e = [Fraction(0)] * 5
        for key, val in d.items():
            if check == 0 or key != check:
                e = [a + Fraction(b) for a, b in zip(e, val)]
        slope_sum += -1 if e[0] * e[1] - e[2] * e[3] < 0 else 1
        if check == 0:
            slope = sv
            beta = math.sqrt(s[0] / (s[0] * s[4] - s[2] ** 2))
            chi2 = (slope / beta) ** 2
    if abs(slope_sum) == 6 and chi2 > 9.54953570608324:
        return "increasing" if slope > 0 else "decreasing"
    return "no change"

def half_away(v, dec):
    m = 10 ** dec
    return "%.*f" % (dec, math.copysign(math.floor(abs(v) * m + 0.5), v) / m)

def series_rows(area, cat, counts, pops, per, byrate, start, runlen, trendlen):
    n = len(counts)
    rates = [round(c * per / p, 4) for c, p in zip(counts, pops)]
    y = rates if byrate else [float(c) for c in counts]
    cis = []
    for c, p in zip(counts, pops):
        lo, hi = pois_ci(c)
        s = per / p if byrate else 1
        cis.append((lo * s, hi * s))
    dec = 3 if byrate else 2
    if n >= 12:
        m, lpl, upl = xmr(y, 12)
        sig = signals(y, m, lpl, upl, runlen, trendlen)
        spc = [half_away(m, dec), half_away(lpl, dec), half_away(upl, dec)]
        base = "%s..%s" % (month(start), month(start + 11))
    else:
        sig, spc, base = [""] * n, ["", "", ""], ""
    rows = []
    for i in range(n):
        tr = trend_marker(y[i - 4:i + 1], cis[i - 4:i + 1]) if i >= 4 else ""
        rows.append([area, cat, month(start + i), str(counts[i]), str(pops[i]),
                     ("%.4f" % rates[i]).rstrip("0").rstrip("."), base] + spc + [sig[i], tr])
    return rows

def month(b):
    return "%04d-%02d" % (b // 12, b % 12 + 1)

def known():
    base = [100, 104, 97, 102, 99, 101, 103, 96, 100, 98, 102, 99]
    S = {}
    S["step"] = base + [140, 138, 142, 139, 141, 137, 143, 140]
    S["run"] = base + [101, 102, 101, 103, 102, 101, 102, 95]
    S["trend"] = base + [96, 97, 98, 99, 100, 101, 102, 90]
    S["fall"] = base + [110, 108, 106, 104, 102, 100, 98, 105]
    S["outlier"] = base[:5] + [160] + base[6:] + [100, 101, 99, 180, 100, 98]
    S["onmean"] = [10, 12] * 6 + [12, 12, 12, 11, 12, 12, 12, 12, 12, 12, 12]
    S["ties"] = base + [101, 102, 102, 103, 104, 105, 106, 107]
    S["short"] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
    S["small"] = [0, 1, 0, 2, 1, 0, 0, 3, 1, 0, 1, 0, 2, 5, 4, 6, 8, 9]
    S["drop"] = [200, 205, 195, 210, 190, 200, 204, 196, 202, 198, 201, 199,
                 190, 160, 130, 100, 70, 60, 50, 120]
    S["rising5"] = [20, 22, 21, 23, 22, 21, 20, 22, 23, 21, 22, 20, 30, 45, 60, 80, 100]
    return S

def main():
    mode, byrate, runlen, trendlen = sys.argv[1], sys.argv[2] == "rate", int(sys.argv[3]), int(sys.argv[4])
    rnd = random.Random(17)
    series = []
    if mode == "known":
        for i, (name, counts) in enumerate(known().items()):
            series.append(("Area %d" % (i % 3), name, counts, [50000 + 1000 * (k // 12) for k in range(len(counts))], 2015 * 12 + i % 5))
    else:
        for i in range(300):
            n = rnd.randint(5, 40)
            lam = rnd.choice([0.5, 3, 12, 60, 400])
            counts, x = [], lam
            for k in range(n):
                if rnd.random() < 0.1: x *= rnd.choice([0.5, 1.5, 2])
                counts.append(max(0, int(rnd.gauss(x, math.sqrt(x) + 0.5))))
            series.append(("A%d" % (i % 7), "c%d" % i, counts, [rnd.randint(2000, 300000)] * n, rnd.randint(2010 * 12, 2016 * 12)))
    rows = []
    for area, cat, counts, pops, start in series:
        rows += series_rows(area, cat, counts, pops, 1000.0, byrate, start, runlen, trendlen)
    order = list(range(len(rows)))
    rnd.shuffle(order)
    w = csv.writer(open("in.csv", "w", newline=""), lineterminator="\n")
    w.writerow(["area", "category", "period", "count", "population", "rate"])
    want = csv.writer(open("want.csv", "w", newline=""), lineterminator="\n")
    want.writerow(["area", "category", "period", "count", "population", "rate",
                   "spc_baseline", "spc_mean", "spc_lpl", "spc_upl", "spc_signal", "trend"])
    for i in order:
        w.writerow(rows[i][:6])
        want.writerow(rows[i])

main()
EOF
cd "$t" || exit 1
fail=0
for opts in "known count 7 7" "known rate 7 7" "known count 6 6" "random count 7 7" \
    "random rate 7 7" "random count 8 5"; do
	set -- $opts
	python3 ref.py "$@" || exit 1
	satrend --value "$2" --run-length "$3" --trend-length "$4" in.csv \
	    >got.csv 2>err || { echo "$opts: exit $?"; cat err; exit 1; }
	if ! cmp -s want.csv got.csv; then
		echo "$opts: differs from the reference"
		diff want.csv got.csv | head -20
		fail=1
	fi
	# the known series must have met what they are about
	[ "$1" = known ] || continue
	for s in outside-high outside-low run-high run-low trend-up trend-down \
	    increasing decreasing "no change"; do
		grep -q "$s" want.csv || { echo "$opts: no '$s' tested"; fail=1; }
	done
done
exit $fail
