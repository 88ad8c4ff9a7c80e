"""An independent recount of sapriority: the model read again, each
issue's scores, risk, band and priority worked out again, on random
sheets and evidence, for the given models; the tool's output must be the
same, byte for byte. Usage: recount.py TMPDIR SEED MODEL..."""
import csv
import io
import random
import re
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP


def read_model(path):
    m = {"dims": [], "scale": {}, "weight": {}, "base": {}, "rules": {},
         "bands": [], "conf": None}
    for raw in open(path):
        line = raw.split("#")[0].strip()
        if not line:
            continue
        w = line.split()
        if w[0] == "dimension":
            d = w[1]
            lo, hi = (float(x) for x in w[2].split(".."))
            m["dims"].append(d)
            m["scale"][d] = (lo, hi)
            m["weight"][d] = float(w[3][7:]) if len(w) > 3 else 1.0
            m["base"][d] = lo
            m["rules"][d] = []
        elif w[0] == "risk":
            m["risk"] = line.split("=", 1)[1]
        elif w[0] == "band":
            m["bands"].append((w[1], float(w[3]) if len(w) > 2 else None))
        elif w[0] == "confidence":
            m["conf"] = w[1]
        elif w[0] == "evidence":
            d = w[1]
            if w[2] == "base":
                m["base"][d] = float(w[3])
            elif w[2] == "step":
                m["rules"][d].append(("step", float(w[3]), w[5], w[6], w[7]))
            elif w[2] == "map":
                pairs = [tuple(float(x) for x in p.split(":")) for p in w[4:]]
                m["rules"][d].append(("map", w[3], pairs))
    return m


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def holds(op, cell, value):
    v = num(value)
    if v is None:
        eq = cell.lower() == value.lower()
        return eq if op == "=" else not eq
    c = float(cell)
    return {"=": c == v, "!=": c != v, ">=": c >= v, "<=": c <= v,
            ">": c > v, "<": c < v}[op]


def evscore(m, d, row):
    v, any_ = m["base"][d], False
    for r in m["rules"][d]:
        if r[0] == "map" and row.get(r[1], ""):
            any_ = True
            x = float(row[r[1]])
            for t, s in r[2]:
                if x >= t:
                    v = s
    for r in m["rules"][d]:
        if r[0] == "step" and row.get(r[2], ""):
            any_ = True
            if holds(r[3], row[r[2]], r[4]):
                v += r[1]
    lo, hi = m["scale"][d]
    return min(max(v, lo), hi) if any_ else None


def rnd(v):
    d = Decimal(repr(v)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return d


def fmt(v):
    s = format(rnd(v), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def words(row):
    out = []
    if row.get("verdict"):
        v = row["verdict"]
        out.append("rate %s %s MSG" % (v, "to" if v == "similar" else "than"))
    if row.get("change_pct"):
        c = row["change_pct"]
        s = ("+" if float(c) != 0 and c[0] not in "+-" else "") + c + " %"
        if row.get("change_sig"):
            s += " not significant" if row["change_sig"] == "none" else " significant"
        out.append(s)
    if row.get("trend"):
        out.append("no trend" if row["trend"] == "no change" else row["trend"])
    if row.get("harm_share"):
        out.append(row["harm_share"] + " % of harm")
    return "; ".join(out)


def expected(m, sheet, ranked):
    rows = {r["category"].lower(): r for r in ranked}
    issues = []
    for i, s in enumerate(sheet):
        ev = rows.get(s["indicator"].lower()) if s["indicator"] else None
        score, src = {}, {}
        for d in m["dims"]:
            if s.get(d, ""):
                score[d], src[d] = float(s[d]), "sheet"
            elif ev is not None and evscore(m, d, ev) is not None:
                score[d], src[d] = evscore(m, d, ev), "evidence"
        expr = m["risk"]
        used = [d for d in m["dims"] if re.search(r"\b%s\b" % d, expr)]
        risk = None
        if all(d in score for d in used):
            env = {d: score.get(d, 0) * m["weight"][d] for d in m["dims"]}
            risk = float(rnd(eval(expr, {"__builtins__": {}}, env)))
        issues.append((i, s, score, src, risk, words(ev) if ev else ""))
    ranked_ = sorted(issues, key=lambda t: (t[4] is None, -(t[4] or 0), t[0]))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    head = ["issue", "indicator"]
    for d in m["dims"]:
        if d != m["conf"]:
            head += [d, d + "_source"]
    w.writerow(head + ["risk", "priority", "band", "confidence",
                       "confidence_source", "evidence"])
    prio = 0
    for k, (i, s, score, src, risk, ev) in enumerate(ranked_):
        if risk is not None and (k == 0 or risk != ranked_[k - 1][4]):
            prio = k + 1
        line = [s["issue"], s["indicator"]]
        for d in m["dims"]:
            if d != m["conf"]:
                line += [fmt(score[d]) if d in score else "", src.get(d, "")]
        band = ""
        if risk is not None:
            band = next(b for b, t in m["bands"] if t is None or risk >= t)
        c = m["conf"]
        line += [fmt(risk) if risk is not None else "",
                 str(prio) if risk is not None else "", band,
                 fmt(score[c]) if c and c in score else "",
                 src.get(c, "") if c else "", ev]
        w.writerow(line)
    return out.getvalue()


def scoreval(rng, lo, hi):
    if rng.random() < 0.35:
        return ""
    if rng.random() < 0.2:
        return "%g" % (lo + (hi - lo) * rng.randint(0, 8) / 8)
    return "%g" % rng.randint(int(lo), int(hi))


def main():
    tmp, seed, models = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    rng = random.Random(seed)
    runs = 0
    for trial in range(150):
        path = models[trial % len(models)]
        m = read_model(path)
        cats = ["Ind %d" % i for i in range(rng.randint(1, 12))]
        ranked = []
        for c in cats:
            pick = lambda xs: rng.choice(xs)
            ranked.append({
                "area": "North", "category": c,
                "verdict": pick(["better", "similar", "worse", "higher", "lower", ""]),
                "change_pct": pick(["", "%.1f" % rng.uniform(-40, 40), "0.0"]),
                "change_sig": pick(["up", "down", "none", ""]),
                "trend": pick(["increasing", "decreasing", "no change", ""]),
                "harm_share": pick(["", "%.1f" % rng.uniform(0, 50), "5.0", "20.0"]),
            })
        sheet = []
        for i in range(rng.randint(0, 14)):
            s = {"issue": "Issue %d" % i,
                 "indicator": rng.choice(cats + [""])}
            for d in m["dims"]:
                s[d] = scoreval(rng, *m["scale"][d])
            sheet.append(s)
        with open(tmp + "/ranked.csv", "w", newline="") as f:
            w = csv.DictWriter(f, list(ranked[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(ranked)
        with open(tmp + "/sheet.csv", "w", newline="") as f:
            w = csv.DictWriter(f, ["issue", "indicator"] + m["dims"],
                               lineterminator="\n")
            w.writeheader()
            w.writerows(sheet)
        got = subprocess.run(["sapriority", "-m", path, "-s",
                              tmp + "/sheet.csv", tmp + "/ranked.csv"],
                             capture_output=True, text=True)
        want = expected(m, sheet, ranked)
        if got.returncode != 0 or got.stdout != want:
            print("trial %d (%s): exit %d\n%s" % (trial, path, got.returncode,
                                                 got.stderr))
            for a, b in zip(want.splitlines(), got.stdout.splitlines()):
                if a != b:
                    print("want: " + a + "\ngot:  " + b)
            return 1
        runs += 1
    print("%d runs agree" % runs)
    return 0


sys.exit(main())
